// One read of a task for all its subscribers. Grafast runs a subscription's document once per event per
// subscriber, which reads the task again under each subscriber's settings: with 1,000 subscribers in an
// organization, 1,000 reads of the same row per event. Yet a task's own columns are the same for everyone
// RLS lets read the row (audience.ts has decided who that is, under each one's own settings). So a
// subscription that selects from `taskChanged` only `event`, `rowId`, `__typename` and, under `task`,
// only the row's columns (schema.ts TASK_COLUMN_FIELDS), without fragments, directives or arguments, is
// answered here: the first of its subscribers to send an event reads the task (a query with the same
// selection, planned and run by PostGraphile under that subscriber's settings), and every subscriber of
// the same selection is sent that answer, under its own field names. Anything else (a relation such as
// `task.assignee`, whose visibility can differ per subscriber) goes through Grafast per subscriber.
import type { ExecutionArgs, ExecutionResult } from 'postgraphile/graphql';
import { Kind, parse, print, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'postgraphile/graphql';
import type { Connection } from './connections.ts';
import type { TaskEvent } from './hub.ts';
import { TASK_COLUMN_FIELDS } from './schema.ts';
import { taskEvents, type TaskEventSource } from './task-events.ts';

interface Shape {
  /** Where `taskChanged` goes in the answer, and what each of its fields is called there. */
  alias: string;
  fields: { alias: string; name: 'event' | 'rowId' | 'task' | '__typename' }[];
  /** The query that reads the task with the subscription's own selection, or undefined when not asked. */
  taskQuery?: { key: string; document: ReturnType<typeof parse> };
}

type GrafastArgs = ExecutionArgs & { execute(args: ExecutionArgs): Promise<ExecutionResult> | ExecutionResult };

const plainFields = (selectionSet: SelectionSetNode): FieldNode[] | undefined =>
  selectionSet.selections.every((s) => s.kind === Kind.FIELD && !s.directives?.length && !s.arguments?.length)
    ? (selectionSet.selections as FieldNode[])
    : undefined;

/** The shape of a subscription this path can answer, or undefined. */
function shapeOf(operation: OperationDefinitionNode): Shape | undefined {
  const root = plainFields(operation.selectionSet);
  if (operation.directives?.length || operation.variableDefinitions?.length || root?.length !== 1 || root[0].name.value !== 'taskChanged' || !root[0].selectionSet) return undefined;
  const fields = plainFields(root[0].selectionSet);
  if (!fields) return undefined;
  const shape: Shape = { alias: (root[0].alias ?? root[0].name).value, fields: [] };
  for (const field of fields) {
    const name = field.name.value;
    if (name !== 'event' && name !== 'rowId' && name !== 'task' && name !== '__typename') return undefined;
    shape.fields.push({ alias: (field.alias ?? field.name).value, name });
    if (name !== 'task') continue;
    const columns = field.selectionSet && plainFields(field.selectionSet);
    if (!columns || columns.some((column) => column.selectionSet || !TASK_COLUMN_FIELDS.has(column.name.value))) return undefined;
    const selection = print(field.selectionSet!);
    shape.taskQuery ??= { key: selection, document: parse(`query ($rowId: UUID!) { task(rowId: $rowId) ${selection} }`) };
  }
  return shape;
}

/** The reads of each event's task, by selection; gone with the event once every subscriber has it. */
const reads = new WeakMap<TaskEvent, Map<string, Promise<ExecutionResult>>>();

function readTask(args: GrafastArgs, event: TaskEvent, query: NonNullable<Shape['taskQuery']>): Promise<ExecutionResult> {
  let bySelection = reads.get(event);
  if (!bySelection) reads.set(event, (bySelection = new Map()));
  let read = bySelection.get(query.key);
  if (!read) {
    read = Promise.resolve(args.execute({ ...args, document: query.document, operationName: undefined, variableValues: { rowId: event.rowId } }));
    bySelection.set(query.key, read);
  }
  return read;
}

async function answer(args: GrafastArgs, shape: Shape, event: TaskEvent): Promise<ExecutionResult> {
  const read = shape.taskQuery && event.event !== 'DELETED' ? await readTask(args, event, shape.taskQuery) : undefined;
  if (read?.errors) return { errors: read.errors };
  const change: Record<string, unknown> = {};
  for (const { alias, name } of shape.fields) {
    if (name === 'event') change[alias] = event.event;
    else if (name === 'rowId') change[alias] = event.rowId;
    else if (name === '__typename') change[alias] = 'TaskChange';
    else change[alias] = (read?.data as { task?: unknown } | undefined)?.task ?? null;
  }
  return { data: { [shape.alias]: change } };
}

/**
 * The messages of a subscription this path can answer (see above), or undefined: Grafast's then. Errors
 * such as a missing organization are left to Grafast, which reports them as the contract says.
 */
export function sharedTaskChanges(source: TaskEventSource, connection: Connection | undefined, args: GrafastArgs): AsyncIterableIterator<ExecutionResult> | undefined {
  const operation = args.document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
  );
  const shape = operation?.operation === 'subscription' ? shapeOf(operation) : undefined;
  if (!shape || !connection?.organizationId) return undefined;
  const events = taskEvents(source, connection);
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]: () => iterator,
    async next() {
      const next = await events.next();
      return next.done ? { value: undefined, done: true } : { value: await answer(args, shape, next.value), done: false };
    },
    async return() {
      await events.return?.();
      return { value: undefined, done: true };
    },
  };
  return iterator;
}

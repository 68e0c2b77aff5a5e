// The task's dependencies, both ways, each a link to the other task: "Blocked by" (this task cannot
// finish before that one), "Blocks", "Relates to". Adding picks a task of the organization by title
// (tasks:write); removing asks first (tasks:delete). The database refuses a BLOCKS cycle; the page says
// which way the tasks already wait for each other.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  AddTaskLinkDocument,
  RemoveTaskLinkDocument,
  TaskLinkChoicesDocument,
  type TaskDetailFragment,
  type TaskDependencyInput,
  type TaskLinkFragment,
} from '../../../../client/generated/graphql.ts';
import { ApiError } from '../../api/errors.ts';
import { useDocumentMutation, useDocumentQuery } from '../../api/graphql.ts';
import { useCan } from '../../components/organization.ts';
import { ConfirmedAction, ErrorMessage, SelectField, TextField, attempt, SubmitButton } from '../../components/ui.tsx';
import { StatusBadge, linkLabel } from './labels.tsx';

type Kind = 'blocked-by' | 'blocks' | 'relates';
const KINDS: [Kind, string][] = [
  ['blocked-by', 'Blocked by'],
  ['blocks', 'Blocks'],
  ['relates', 'Relates to'],
];

interface Props {
  task: TaskDetailFragment & { dependencies: { nodes: TaskLinkFragment[] }; dependents: { nodes: TaskLinkFragment[] } };
  onChanged(): void;
}

export function TaskLinks({ task, onChanged }: Props) {
  const can = useCan();
  const [remove] = useDocumentMutation(RemoveTaskLinkDocument);
  // Seen from this task: its dependencies point at the task it depends on, its dependents at the task
  // that depends on it.
  const links = [
    ...task.dependencies.nodes.map((link) => ({ link, other: link.dependsOnTask, kind: linkLabel(link.type, true) })),
    ...task.dependents.nodes.map((link) => ({ link, other: link.task, kind: linkLabel(link.type, false) })),
  ];
  return (
    <section aria-labelledby="task-links">
      <h2 id="task-links">Dependencies</h2>
      {links.length === 0 ? (
        <p className="muted">No dependencies.</p>
      ) : (
        <ul className="task-links" aria-label="Dependencies">
          {links.map(({ link, other, kind }) => (
            <li key={link.rowId} data-link={link.rowId}>
              <span className="kind">{kind}</span>
              {other ? (
                <>
                  <Link to={`/tasks/${other.rowId}`}>{other.title}</Link>
                  <StatusBadge status={other.status} />
                </>
              ) : (
                <span className="muted">a task you cannot see</span>
              )}
              {can('tasks:delete') && other && (
                <ConfirmedAction
                  label="Remove"
                  name={`Remove ${kind.toLowerCase()} ${other.title}`}
                  confirm={`Confirm removing the link ${kind.toLowerCase()} ${other.title}`}
                  tone="secondary"
                  run={() => remove({ rowId: link.rowId })}
                  onDone={onChanged}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {can('tasks:write') && <AddLink task={task} onAdded={onChanged} />}
    </section>
  );
}

function AddLink({ task, onAdded }: { task: TaskDetailFragment; onAdded(): void }) {
  const [search, setSearch] = useState('');
  const [title, setTitle] = useState(''); // the search, applied after a pause
  useEffect(() => {
    const timer = setTimeout(() => setTitle(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const variables = useMemo(() => ({ filter: { rowId: { notEqualTo: task.rowId }, ...(title ? { title: { includesInsensitive: title } } : {}) } }), [task.rowId, title]);
  const choices = useDocumentQuery(TaskLinkChoicesDocument, variables);
  const options = choices.data?.tasks?.nodes ?? [];
  const [add, busy] = useDocumentMutation(AddTaskLinkDocument);
  const [error, setError] = useState<Error>();
  // The chosen task, while the search still lists it; else the first one listed.
  const [chosen, setChosen] = useState('');
  const other = options.find((o) => o.rowId === chosen) ?? options[0];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const kind = String(form.get('kind')) as Kind;
    if (!other) {
      setError(new Error('Choose a task to link to.'));
      return;
    }
    const input: TaskDependencyInput =
      kind === 'blocks'
        ? { taskId: other.rowId, dependsOnTaskId: task.rowId, type: 'BLOCKS' }
        : { taskId: task.rowId, dependsOnTaskId: other.rowId, type: kind === 'relates' ? 'RELATES_TO' : 'BLOCKS' };
    const ok = await attempt(
      () =>
        add({ taskDependency: input }).catch((failure: unknown) => {
          throw explain(failure, kind === 'blocks' ? [task.title, other.title] : [other.title, task.title]);
        }),
      setError,
    );
    if (ok) {
      setSearch('');
      setChosen('');
      onAdded();
    }
  };

  return (
    <form className="task-link-add" aria-label="Add a dependency" onSubmit={submit}>
      <SelectField label="Link" name="kind" defaultValue="blocked-by">
        {KINDS.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </SelectField>
      <TextField label="Find a task" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Title contains" />
      <SelectField label="Task" value={other?.rowId ?? ''} onChange={(e) => setChosen(e.target.value)}>
        {options.length === 0 && <option value="">No task matches</option>}
        {options.map((o) => (
          <option key={o.rowId} value={o.rowId}>
            {o.title}
          </option>
        ))}
      </SelectField>
      <SubmitButton busy={busy || options.length === 0}>
        Add dependency
      </SubmitButton>
      <ErrorMessage error={error} />
    </form>
  );
}

/**
 * The database's refusals, said for this page: a cycle names which task already waits for which
 * (`waiting` would wait for `first`, which already waits for it).
 */
function explain(failure: unknown, [first, waiting]: [string, string]): unknown {
  if (!(failure instanceof ApiError)) return failure;
  if (failure.code === 'DEPENDENCY_CYCLE') {
    return new ApiError(failure.code, `${failure.message}: “${first}” already waits for “${waiting}”, directly or through other tasks, so “${waiting}” cannot also wait for it.`);
  }
  if (failure.code === 'ALREADY_EXISTS') return new ApiError(failure.code, 'These two tasks are already linked in this direction.');
  return failure;
}

// Words for tasks, on the list and on a task's page: the enums as people say them, a status as its
// badge, and a history entry as a sentence (naming anyone past the page's first 100 through names.tsx).
import { Fragment, type ReactNode } from 'react';
import type { TaskDependencyType, TaskPriority, TaskStatus } from '../../../../client/generated/graphql.ts';
import { PersonName, TeamName, type Names } from './names.tsx';

export const STATUSES: [TaskStatus, string][] = [
  ['PENDING', 'Pending'],
  ['IN_PROGRESS', 'In progress'],
  ['COMPLETED', 'Completed'],
  ['FAILED', 'Failed'],
  ['CANCELLED', 'Cancelled'],
];
export const PRIORITIES: [TaskPriority, string][] = [
  ['LOW', 'Low'],
  ['MEDIUM', 'Medium'],
  ['HIGH', 'High'],
  ['CRITICAL', 'Critical'],
];
export const label = (pairs: [string, string][], value: string) => pairs.find(([v]) => v === value)?.[1] ?? value;

/** A task's status, as the lists and the task page show it. */
export function StatusBadge({ status }: { status: TaskStatus }) {
  return <span className={`status ${status.toLowerCase()}`}>{label(STATUSES, status)}</span>;
}

/** How a link reads from the side of the task whose page it is. */
export function linkLabel(type: TaskDependencyType, fromDependent: boolean): string {
  if (type === 'RELATES_TO') return 'Relates to';
  return fromDependent ? 'Blocked by' : 'Blocks';
}

/** Who made a history entry: a name, or why there is none. */
export function actorName(actor: { name: string } | null | undefined, actorId: string | null | undefined): string {
  if (actor) return actor.name;
  return actorId ? 'A former member' : 'The system';
}

// The columns a change records that the page does not report: ids, and timestamps the entry's own time says.
const UNREPORTED = new Set(['id', 'organization_id', 'created_by_id', 'created_at', 'updated_at', 'completed_at']);

const quoted = (value: unknown) => `“${String(value)}”`;

/** One changed field, in words: `status to Completed`, `the assignee to Dana`, `the description`. */
function changeOf(key: string, value: unknown, names: Names): ReactNode {
  switch (key) {
    case 'title':
      return `the title to ${quoted(value)}`;
    case 'status':
      return `the status to ${label(STATUSES, String(value))}`;
    case 'priority':
      return `the priority to ${label(PRIORITIES, String(value))}`;
    case 'assignee_id':
      return value ? <>the assignee to <PersonName id={String(value)} names={names} /></> : 'the assignee to nobody';
    case 'team_id':
      return value ? <>the team to <TeamName id={String(value)} names={names} /></> : 'the team to no team';
    case 'description':
      return 'the description';
    case 'metadata':
      return 'the metadata';
    default:
      return UNREPORTED.has(key) ? undefined : key.replaceAll('_', ' ');
  }
}

/** What a history entry says happened, after its actor's name: "changed the status to Completed". */
export function describeChange(action: string, changes: unknown, names: Names): ReactNode {
  const fields = changes && typeof changes === 'object' ? (changes as Record<string, unknown>) : {};
  if (action === 'task.created') return `created the task${typeof fields.title === 'string' ? ` as ${quoted(fields.title)}` : ''}`;
  if (action === 'task.deleted') return 'deleted the task';
  const parts = Object.entries(fields).flatMap(([key, value]) => changeOf(key, value, names) ?? []);
  if (!parts.length) return 'touched the task without changing a field';
  return (
    <>
      changed{' '}
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && ', '}
          {part}
        </Fragment>
      ))}
    </>
  );
}

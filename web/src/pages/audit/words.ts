// An audit entry in words. The log keeps what the database recorded (`task.updated`, the changed columns
// with ids); a reader wants "Task changed", which task, and "status: In progress, assignee: Grace Hopper".
// Names come from what the console can read now; an id it cannot name stays a short id.
import { formatTime } from '../../components/ui.tsx';

export interface Names {
  users: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
  roles: ReadonlyMap<string, string>;
  tasks: ReadonlyMap<string, string>;
}

export interface Entry {
  action: string;
  resourceType: string;
  resourceId: string;
  details: unknown;
}

export interface Told {
  /** "Task changed", "Role given". */
  what: string;
  /** The object's name ("Fix login bug", "Developer for Grace Hopper"). */
  which: string;
  /** The console's page for it, where there is one. */
  page?: string;
  /** The recorded fields in words, ids as names. */
  details: string;
}

type Verb = 'created' | 'updated' | 'deleted';

/** What happened, per kind of record and operation. */
const WHAT: Record<string, Record<Verb, string>> = {
  task: { created: 'Task created', updated: 'Task changed', deleted: 'Task deleted' },
  task_dependency: { created: 'Dependency added', updated: 'Dependency changed', deleted: 'Dependency removed' },
  team: { created: 'Team created', updated: 'Team changed', deleted: 'Team deleted' },
  team_membership: { created: 'Added to a team', updated: 'Team membership changed', deleted: 'Removed from a team' },
  role: { created: 'Role created', updated: 'Role changed', deleted: 'Role deleted' },
  user_role: { created: 'Role given', updated: 'Role assignment changed', deleted: 'Role taken away' },
  organization: { created: 'Organization created', updated: 'Organization changed', deleted: 'Organization deleted' },
  organization_membership: { created: 'Member added', updated: 'Membership changed', deleted: 'Member removed' },
  invitation: { created: 'Invitation sent', updated: 'Invitation changed', deleted: 'Invitation revoked' },
};

/** Which page lists each kind of record. */
const PAGES: Record<string, string> = {
  team: '/teams',
  team_membership: '/teams',
  role: '/roles',
  user_role: '/members',
  organization_membership: '/members',
  invitation: '/members',
};

/** Columns that say nothing a reader needs here (the row's own id, its organization, bookkeeping times). */
const SKIPPED = new Set(['id', 'organization_id', 'created_at', 'updated_at']);

const words = (snake: string) => snake.replaceAll('_', ' ');
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const shortId = (id: string) => id.slice(0, 8);

/** "IN_PROGRESS" → "In progress"; other strings as they are. */
function valueInWords(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'string') {
    if (/^[A-Z][A-Z_]+$/.test(value)) return sentence(words(value.toLowerCase()));
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatTime(value);
    return value;
  }
  if (Array.isArray(value)) return value.map(valueInWords).join(', ');
  return JSON.stringify(value);
}

/** An `*_id` column's value as the name of what it points at. */
function named(key: string, id: unknown, names: Names): string {
  if (typeof id !== 'string') return valueInWords(id);
  const map = key === 'team_id' ? names.teams : key === 'role_id' ? names.roles : key === 'task_id' || key === 'depends_on_id' ? names.tasks : names.users;
  return map.get(id) ?? shortId(id);
}

export function describeEntry(entry: Entry, names: Names): Told {
  const details = (entry.details && typeof entry.details === 'object' ? entry.details : {}) as Record<string, unknown>;
  const verb = entry.action.slice(entry.action.lastIndexOf('.') + 1) as Verb;
  const what = WHAT[entry.resourceType]?.[verb] ?? sentence(words(entry.action.replace('.', ' ')));
  const id = entry.resourceId;
  const text = (key: string) => (typeof details[key] === 'string' ? (details[key] as string) : undefined);

  let which: string;
  switch (entry.resourceType) {
    case 'task':
      which = text('title') ?? names.tasks.get(id) ?? `task ${shortId(id)}`;
      break;
    case 'team':
      which = text('name') ?? names.teams.get(id) ?? `team ${shortId(id)}`;
      break;
    case 'role':
      which = text('name') ?? names.roles.get(id) ?? `role ${shortId(id)}`;
      break;
    case 'user_role':
      which = details.role_id ? `${named('role_id', details.role_id, names)} for ${named('user_id', details.user_id, names)}` : `role assignment ${shortId(id)}`;
      break;
    case 'team_membership':
      which = details.team_id ? `${named('user_id', details.user_id, names)} in ${named('team_id', details.team_id, names)}` : `team membership ${shortId(id)}`;
      break;
    case 'organization_membership':
      which = details.user_id ? named('user_id', details.user_id, names) : `membership ${shortId(id)}`;
      break;
    case 'invitation':
      which = text('email') ?? `invitation ${shortId(id)}`;
      break;
    default:
      which = text('name') ?? `${words(entry.resourceType)} ${shortId(id)}`;
  }

  // A change shows every field it touched (a field emptied says "none"); a new or deleted row only the
  // fields it has, and not the name already shown as the object.
  const empty = (value: unknown) => value === null || value === '' || (typeof value === 'object' && Object.keys(value as object).length === 0);
  const shown = Object.entries(details)
    .filter(([key, value]) => !SKIPPED.has(key) && (verb === 'updated' || (!empty(value) && value !== which)))
    .map(([key, value]) => (key.endsWith('_id') ? `${words(key.slice(0, -3))}: ${named(key, value, names)}` : `${words(key)}: ${valueInWords(value)}`))
    .join(', ');
  // A task has a page of its own, while it exists; other objects link to the page that lists them.
  const page = entry.resourceType === 'task' ? (verb === 'deleted' ? undefined : `/tasks/${id}`) : PAGES[entry.resourceType];
  return { what, which, page, details: shown.length > 160 ? `${shown.slice(0, 159)}…` : shown };
}

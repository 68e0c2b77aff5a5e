// The list's filters: what the filter form holds, and the API's TaskFilter the list is read with. The
// title is applied only once typing pauses, so each keystroke does not read the list.
import { useEffect, useState } from 'react';
import type { TaskFilter, TaskPriority, TaskStatus } from '../../../../client/generated/graphql.ts';

export interface Filters {
  status: string;
  priority: string;
  assignee: string;
  team: string;
  title: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { status: '', priority: '', assignee: '', team: '', title: '', from: '', to: '' };

export function toTaskFilter(f: Filters): TaskFilter {
  const filter: TaskFilter = {};
  if (f.status) filter.status = { equalTo: f.status as TaskStatus };
  if (f.priority) filter.priority = { equalTo: f.priority as TaskPriority };
  if (f.assignee === 'nobody') filter.assigneeId = { isNull: true };
  else if (f.assignee) filter.assigneeId = { equalTo: f.assignee };
  if (f.team) filter.teamId = { equalTo: f.team };
  if (f.title.trim()) filter.title = { includesInsensitive: f.title.trim() };
  if (f.from || f.to) {
    // Dates are the user's local days: from the start of `from` to the end of `to`.
    filter.createdAt = {
      ...(f.from ? { greaterThanOrEqualTo: new Date(`${f.from}T00:00`).toISOString() } : {}),
      ...(f.to ? { lessThan: new Date(new Date(`${f.to}T00:00`).getTime() + 86_400_000).toISOString() } : {}),
    };
  }
  return filter;
}

export interface TaskFilters {
  /** What the list is read with. */
  applied: Filters;
  /** The title as typed, applied after a pause. */
  title: string;
  setTitle(title: string): void;
  /** A change handler that applies one filter at once. */
  set(key: keyof Filters): (event: { target: { value: string } }) => void;
  /** Whether any filter is set, typed or applied: an empty list then says that no task matches. */
  active: boolean;
  clear(): void;
}

export function useTaskFilters(): TaskFilters {
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [title, setTitle] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setApplied((f) => (f.title === title ? f : { ...f, title })), 300);
    return () => clearTimeout(timer);
  }, [title]);
  return {
    applied,
    title,
    setTitle,
    set: (key) => (event) => setApplied((f) => ({ ...f, [key]: event.target.value })),
    active: title !== '' || Object.values(applied).some((value) => value !== ''),
    clear: () => {
      setTitle('');
      setApplied(NO_FILTERS);
    },
  };
}

// Tasks: filter, sort, cursor pages, create, edit, delete; the list reads itself again whenever
// taskChanged says a task of this organization changed (anyone's change, this tab's included).
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  CreateTaskRowDocument,
  DeleteTaskRowDocument,
  TaskChoicesDocument,
  TaskListChangedDocument,
  TaskListDocument,
  UpdateTaskRowDocument,
  type TaskFilter,
  type TaskOrderBy,
  type TaskPriority,
  type TaskRowFragment,
  type TaskStatus,
} from '../../../../client/generated/graphql.ts';
import { useDocumentMutation, useDocumentQuery, useDocumentSubscription } from '../../api/graphql.ts';
import { useCan } from '../../components/organization.ts';
import { label, PRIORITIES, STATUSES, StatusBadge } from '../task/labels.tsx';
import { ConfirmedAction, Empty, ErrorMessage, Loading, ScrollRegion, SelectField, TextField, attempt, formatTime, SubmitButton } from '../../components/ui.tsx';

const PAGE_SIZES = [10, 20, 50, 100];
const SORTS: Record<string, { label: string; orderBy: TaskOrderBy[] }> = {
  newest: { label: 'Newest first', orderBy: ['CREATED_AT_DESC'] },
  oldest: { label: 'Oldest first', orderBy: ['CREATED_AT_ASC'] },
  updated: { label: 'Recently changed', orderBy: ['UPDATED_AT_DESC'] },
  priority: { label: 'Most urgent', orderBy: ['PRIORITY_DESC'] },
  leastUrgent: { label: 'Least urgent', orderBy: ['PRIORITY_ASC'] },
  status: { label: 'Status', orderBy: ['STATUS_ASC'] },
  statusDesc: { label: 'Status, reversed', orderBy: ['STATUS_DESC'] },
  title: { label: 'Title', orderBy: ['TITLE_ASC'] },
  titleDesc: { label: 'Title, Z to A', orderBy: ['TITLE_DESC'] },
};

/** Columns that sort: the SORTS key for ascending and for descending, and which comes first on a click. */
const SORTABLE: Record<string, { ascending: string; descending: string; first: 'ascending' | 'descending' }> = {
  Title: { ascending: 'title', descending: 'titleDesc', first: 'ascending' },
  Status: { ascending: 'status', descending: 'statusDesc', first: 'ascending' },
  Priority: { ascending: 'leastUrgent', descending: 'priority', first: 'descending' },
  Created: { ascending: 'oldest', descending: 'newest', first: 'descending' },
};

interface Filters {
  status: string;
  priority: string;
  assignee: string;
  team: string;
  title: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { status: '', priority: '', assignee: '', team: '', title: '', from: '', to: '' };

function toTaskFilter(f: Filters): TaskFilter {
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

/** A cursor page, and how many pages it is from the first (for "21–40 of 53"). */
type Page = { after?: string; before?: string; index: number };
const FIRST_PAGE: Page = { index: 0 };

export function TasksPage() {
  const can = useCan();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [title, setTitle] = useState(''); // typed; applied after a pause
  const [sort, setSort] = useState('newest');
  const [pageSize, setPageSize] = useState(20);
  // A page belongs to the list it was turned in: other filters, another order or page size show the first
  // page (derived here, so no request goes out with the old cursor first).
  const listKey = JSON.stringify([filters, sort, pageSize]);
  const [turned, setTurned] = useState<{ list: string; page: Page }>();
  const page = turned?.list === listKey ? turned.page : FIRST_PAGE;
  const setPage = (next: Page) => setTurned({ list: listKey, page: next });

  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.title === title ? f : { ...f, title })), 300);
    return () => clearTimeout(timer);
  }, [title]);

  const variables = useMemo(
    () => ({
      filter: toTaskFilter(filters),
      orderBy: SORTS[sort].orderBy,
      ...(page.before ? { last: pageSize, before: page.before } : { first: pageSize, after: page.after }),
    }),
    [filters, sort, page, pageSize],
  );
  const list = useDocumentQuery(TaskListDocument, variables);
  const choices = useDocumentQuery(TaskChoicesDocument, {});

  // Live: whatever changed, read the page again (a burst of events is one read).
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { refetch } = list;
  useDocumentSubscription(
    TaskListChangedDocument,
    {},
    () => {
      clearTimeout(pending.current);
      pending.current = setTimeout(refetch, 100);
    },
    refetch,
  );
  useEffect(() => () => clearTimeout(pending.current), []);

  const set = (key: keyof Filters) => (event: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: event.target.value }));
  const connection = list.data?.tasks;
  const people = (choices.data?.organizationMemberships?.nodes ?? []).flatMap((m) => (m.user ? [m.user] : []));
  const teams = choices.data?.teams?.nodes ?? [];
  const filtered = title !== '' || Object.values(filters).some((value) => value !== '');
  const clearFilters = () => {
    setTitle('');
    setFilters(NO_FILTERS);
  };

  return (
    <section>
      <h1 tabIndex={-1}>Tasks</h1>
      {can('tasks:write') && <CreateTask people={can('tasks:assign') ? people : []} teams={teams} onCreated={refetch} />}

      <form className="filters" aria-label="Filter tasks" onSubmit={(e) => e.preventDefault()}>
        <TextField label="Title contains" type="search" value={title} onChange={(e) => setTitle(e.target.value)} />
        <SelectField label="Status" value={filters.status} onChange={set('status')}>
          <option value="">Any</option>
          {STATUSES.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </SelectField>
        <SelectField label="Priority" value={filters.priority} onChange={set('priority')}>
          <option value="">Any</option>
          {PRIORITIES.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </SelectField>
        <SelectField label="Assignee" value={filters.assignee} onChange={set('assignee')}>
          <option value="">Anyone</option>
          <option value="nobody">Nobody</option>
          {people.map((p) => (
            <option key={p.rowId} value={p.rowId}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Team" value={filters.team} onChange={set('team')}>
          <option value="">Any</option>
          {teams.map((t) => (
            <option key={t.rowId} value={t.rowId}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Created from" type="date" value={filters.from} onChange={set('from')} />
        <TextField label="Created until" type="date" value={filters.to} onChange={set('to')} />
        <SelectField label="Sort" value={sort} onChange={(e) => setSort(e.target.value)}>
          {Object.entries(SORTS).map(([key, { label: text }]) => (
            <option key={key} value={key}>
              {text}
            </option>
          ))}
        </SelectField>
        <button type="button" className="secondary" onClick={clearFilters}>
          Clear filters
        </button>
      </form>

      <ErrorMessage error={list.error} retry={refetch} />
      {!connection && list.fetching && <Loading what="tasks" />}
      {connection?.totalCount === 0 &&
        (filtered ? (
          <Empty
            action={
              <button type="button" className="secondary" onClick={clearFilters}>
                Show all tasks
              </button>
            }
          >
            No task matches these filters.
          </Empty>
        ) : (
          <Empty
            action={
              can('tasks:write') && (
                <button type="button" className="secondary" onClick={() => document.querySelector<HTMLInputElement>('#new-task input[name=title]')?.focus()}>
                  Write the first task
                </button>
              )
            }
          >
            No tasks yet.
          </Empty>
        ))}
      {connection && connection.totalCount > 0 && (
        <>
          <p className="count" aria-live="polite">
            {page.index * pageSize + 1}–{page.index * pageSize + connection.nodes.length} of {connection.totalCount === 1 ? '1 task' : `${connection.totalCount} tasks`}
          </p>
          <ScrollRegion label="Tasks">
            <table className="tasks">
              <thead>
                <tr>
                  <SortHeader column="Title" sort={sort} onSort={setSort} />
                  <SortHeader column="Status" sort={sort} onSort={setSort} />
                  <SortHeader column="Priority" sort={sort} onSort={setSort} />
                  <th scope="col">Assignee</th>
                  <th scope="col">Team</th>
                  <SortHeader column="Created" sort={sort} onSort={setSort} />
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {connection.nodes.map((task) => (
                  <TaskRow key={task.rowId} task={task} people={people} teams={teams} onChanged={refetch} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {/* Paging forward, PostGraphile knows what follows but not what precedes; backward, the reverse. */}
          <nav className="pager" aria-label="Task pages">
            <button
              type="button"
              className="secondary"
              disabled={page.index === 0 || (!connection.pageInfo.hasPreviousPage && !page.after)}
              onClick={() => setPage({ before: connection.pageInfo.startCursor ?? undefined, index: page.index - 1 })}
            >
              Previous page
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!connection.pageInfo.hasNextPage && !page.before}
              onClick={() => setPage({ after: connection.pageInfo.endCursor ?? undefined, index: page.index + 1 })}
            >
              Next page
            </button>
            <SelectField label="Tasks per page" value={String(pageSize)} onChange={(e) => setPageSize(Number(e.target.value))}>
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </SelectField>
          </nav>
        </>
      )}
    </section>
  );
}

/** A column header that sorts the list by its column (through the API's orderBy), saying how with aria-sort. */
function SortHeader({ column, sort, onSort }: { column: string; sort: string; onSort(sort: string): void }) {
  const { ascending, descending, first } = SORTABLE[column];
  const current = sort === ascending ? 'ascending' : sort === descending ? 'descending' : undefined;
  const next = current ? (current === 'ascending' ? descending : ascending) : first === 'ascending' ? ascending : descending;
  return (
    <th scope="col" aria-sort={current ?? 'none'}>
      <button type="button" className="sort" onClick={() => onSort(next)}>
        {column}
        <span aria-hidden="true">{current === 'ascending' ? ' ▲' : current === 'descending' ? ' ▼' : ' ↕'}</span>
      </button>
    </th>
  );
}

interface Choice {
  rowId: string;
  name: string;
}

function CreateTask({ people, teams, onCreated }: { people: Choice[]; teams: Choice[]; onCreated(): void }) {
  const [create, busy] = useDocumentMutation(CreateTaskRowDocument);
  const [error, setError] = useState<Error>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const assigneeId = String(form.get('assigneeId') ?? '');
    const teamId = String(form.get('teamId') ?? '');
    const ok = await attempt(
      () =>
        create({
          task: {
            title: String(form.get('title')),
            priority: form.get('priority') as TaskPriority,
            ...(assigneeId ? { assigneeId } : {}),
            ...(teamId ? { teamId } : {}),
          },
        }),
      setError,
    );
    if (ok) {
      formElement.reset();
      // Ready for the next one.
      (formElement.elements.namedItem('title') as HTMLInputElement).focus();
      onCreated();
    }
  };
  return (
    <form className="create" id="new-task" aria-label="Create a task" onSubmit={submit}>
      <TextField label="New task" name="title" placeholder="What needs doing?" required />
      <SelectField label="Priority" name="priority" defaultValue="MEDIUM">
        {PRIORITIES.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </SelectField>
      {people.length > 0 && (
        <SelectField label="Assignee" name="assigneeId" defaultValue="">
          <option value="">Nobody</option>
          {people.map((p) => (
            <option key={p.rowId} value={p.rowId}>
              {p.name}
            </option>
          ))}
        </SelectField>
      )}
      {teams.length > 0 && (
        <SelectField label="Team" name="teamId" defaultValue="">
          <option value="">No team</option>
          {teams.map((t) => (
            <option key={t.rowId} value={t.rowId}>
              {t.name}
            </option>
          ))}
        </SelectField>
      )}
      <SubmitButton busy={busy}>
        Add task
      </SubmitButton>
      <ErrorMessage error={error} />
    </form>
  );
}

function TaskRow({ task, people, teams, onChanged }: { task: TaskRowFragment; people: Choice[]; teams: Choice[]; onChanged(): void }) {
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const [remove] = useDocumentMutation(DeleteTaskRowDocument);
  const row = useRef<HTMLTableRowElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const leftEditing = useRef(false);
  // Saved or cancelled: the focus goes back to this row's Edit button, where the user left it.
  useEffect(() => {
    if (editing || !leftEditing.current) return;
    leftEditing.current = false;
    editButton.current?.focus();
  }, [editing]);
  const stopEditing = () => {
    leftEditing.current = true;
    setEditing(false);
  };

  if (editing) {
    return (
      <EditTask
        task={task}
        people={can('tasks:assign') ? people : []}
        teams={teams}
        onCancel={stopEditing}
        onSaved={() => {
          stopEditing();
          onChanged();
        }}
      />
    );
  }
  return (
    <tr data-task={task.rowId} ref={row}>
      <th scope="row">
        <Link to={`/tasks/${task.rowId}`}>{task.title}</Link>
      </th>
      <td>
        <StatusBadge status={task.status} />
      </td>
      <td>{label(PRIORITIES, task.priority)}</td>
      <td>{task.assignee?.name ?? '—'}</td>
      <td>{task.team?.name ?? '—'}</td>
      <td>
        <time dateTime={task.createdAt}>{formatTime(task.createdAt)}</time>
      </td>
      <td className="actions">
        {can('tasks:write') && (
          <button type="button" ref={editButton} className="secondary" onClick={() => setEditing(true)} aria-label={`Edit ${task.title}`}>
            Edit
          </button>
        )}
        {can('tasks:delete') && (
          <ConfirmedAction
            label="Delete"
            name={`Delete ${task.title}`}
            confirm={`Confirm deleting ${task.title}`}
            run={() => remove({ rowId: task.rowId })}
            onDone={() => {
              focusAfterDeleting(row.current);
              onChanged();
            }}
          />
        )}
      </td>
    </tr>
  );
}

/** The row's task is gone: the focus goes to the next row's action, else the previous row's, else the heading. */
function focusAfterDeleting(row: HTMLTableRowElement | null) {
  const neighbour = row?.nextElementSibling ?? row?.previousElementSibling;
  (neighbour?.querySelector<HTMLElement>('td.actions button') ?? document.querySelector<HTMLElement>('main h1'))?.focus();
}

function EditTask({ task, people, teams, onCancel, onSaved }: { task: TaskRowFragment; people: Choice[]; teams: Choice[]; onCancel(): void; onSaved(): void }) {
  const [update, busy] = useDocumentMutation(UpdateTaskRowDocument);
  const [error, setError] = useState<Error>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const patch = {
      title: String(form.get('title')),
      status: form.get('status') as TaskStatus,
      priority: form.get('priority') as TaskPriority,
      teamId: String(form.get('teamId') ?? '') || null,
      // The assignee is only sent when it may be changed (tasks:assign) and was.
      ...(people.length && String(form.get('assigneeId') ?? '') !== (task.assigneeId ?? '') ? { assigneeId: String(form.get('assigneeId')) || null } : {}),
    };
    if (await attempt(() => update({ rowId: task.rowId, patch }), setError)) onSaved();
  };
  return (
    <tr data-task={task.rowId} className="editing">
      <td colSpan={7}>
        <form className="edit" aria-label={`Edit ${task.title}`} onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
          {/* The focus comes here from the Edit button the row replaced. */}
          <TextField label="Title" name="title" defaultValue={task.title} required autoFocus />
          <SelectField label="Status" name="status" defaultValue={task.status}>
            {STATUSES.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </SelectField>
          <SelectField label="Priority" name="priority" defaultValue={task.priority}>
            {PRIORITIES.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </SelectField>
          {people.length > 0 && (
            <SelectField label="Assignee" name="assigneeId" defaultValue={task.assigneeId ?? ''}>
              <option value="">Nobody</option>
              {people.map((p) => (
                <option key={p.rowId} value={p.rowId}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          )}
          <SelectField label="Team" name="teamId" defaultValue={task.teamId ?? ''}>
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t.rowId} value={t.rowId}>
                {t.name}
              </option>
            ))}
          </SelectField>
          <SubmitButton busy={busy}>
            Save
          </SubmitButton>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
          <ErrorMessage error={error} />
        </form>
      </td>
    </tr>
  );
}

// /tasks/:id — one task: every field (editable by who may), its history in words, and its dependencies.
// Live like the list: on taskChanged for this task (or a task it links to) the page reads itself again,
// and a deletion made elsewhere is said instead of leaving a stale page. History entries are written by
// the worker shortly after a change commits, so while the task has changed since its newest entry the
// page reads again for a few seconds until the entry is there.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DeleteTaskRowDocument, TaskListChangedDocument, TaskPageDocument } from '../../../../client/generated/graphql.ts';
import { useDocumentMutation, useDocumentQuery, useDocumentSubscription } from '../../api/graphql.ts';
import { useCan } from '../../components/organization.ts';
import { ConfirmedAction, ErrorMessage, Loading } from '../../components/ui.tsx';
import { useTaskChoices } from './choices.ts';
import { TaskFields } from './TaskFields.tsx';
import { TaskHistory } from './TaskHistory.tsx';
import { TaskLinks } from './TaskLinks.tsx';
import './task-page.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How many times the page reads again waiting for the history entry of one change (every half second). */
const HISTORY_WAIT_READS = 20;

/** Each task its own page: following a link to another task starts afresh (no edit form or search left open). */
export function TaskPage() {
  const { id = '' } = useParams();
  return <OneTask key={id} id={id} />;
}

function OneTask({ id }: { id: string }) {
  const valid = UUID.test(id);
  const variables = useMemo(() => ({ rowId: id }), [id]);
  const page = useDocumentQuery(TaskPageDocument, variables, !valid);
  const { names } = useTaskChoices();
  // Its deletion, heard of while the page was open.
  const [deletedElsewhere, setDeletedElsewhere] = useState(false);

  const task = page.data?.task;
  const { refetch } = page;

  // The tasks this page shows besides its own: a change to one (its title, its deletion) changes the page.
  const linked = useRef(new Set<string>());
  linked.current = new Set(
    [...(task?.dependencies.nodes ?? []), ...(task?.dependents.nodes ?? [])].flatMap((link) => [link.taskId, link.dependsOnTaskId]),
  );
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  useDocumentSubscription(
    TaskListChangedDocument,
    {},
    ({ taskChanged }) => {
      if (!taskChanged) return;
      if (taskChanged.rowId === id && taskChanged.event === 'DELETED') {
        setDeletedElsewhere(true);
        return;
      }
      if (taskChanged.rowId === id || linked.current.has(taskChanged.rowId)) {
        clearTimeout(pending.current);
        pending.current = setTimeout(refetch, 100);
      }
    },
    // Subscribed again after the server closed at the token's exp: what changed meanwhile is read.
    refetch,
  );
  useEffect(() => () => clearTimeout(pending.current), []);

  // Waiting for the worker to record the latest change.
  const newest = task?.history.nodes[0]?.createdAt;
  const behind = task !== undefined && task !== null && (!newest || Date.parse(task.updatedAt) > Date.parse(newest));
  const waits = useRef({ for: '', reads: 0 });
  useEffect(() => {
    if (!task || !behind || page.fetching || deletedElsewhere) return;
    if (waits.current.for !== task.updatedAt) waits.current = { for: task.updatedAt, reads: 0 };
    if (waits.current.reads >= HISTORY_WAIT_READS) return;
    waits.current.reads += 1;
    const timer = setTimeout(refetch, 500);
    return () => clearTimeout(timer);
  }, [task, behind, page.fetching, deletedElsewhere, refetch]);



  if (!valid || (page.data && !task && !deletedElsewhere)) {
    return (
      <section className="task-page">
        <p className="crumbs">
          <Link to="/tasks">← Tasks</Link>
        </p>
        <h1>Task not found</h1>
        <p>There is no such task in this organization: it may have been deleted, or belong to another organization.</p>
      </section>
    );
  }
  if (deletedElsewhere) {
    return (
      <section className="task-page">
        <p className="crumbs">
          <Link to="/tasks">← Tasks</Link>
        </p>
        <h1>{task?.title ?? 'Task'}</h1>
        <p className="deleted" role="alert">
          This task was deleted.
        </p>
      </section>
    );
  }
  return (
    <section className="task-page">
      <p className="crumbs">
        <Link to="/tasks">← Tasks</Link>
      </p>
      <ErrorMessage error={page.error} retry={refetch} />
      {task ? (
        <>
          <div className="task-heading">
            <h1>{task.title}</h1>
            <DeleteTask rowId={task.rowId} title={task.title} />
          </div>
          <TaskFields task={task} names={names} onChanged={refetch} />
          <TaskLinks task={task} onChanged={refetch} />
          <TaskHistory entries={task.history.nodes} total={task.history.totalCount} names={names} recording={behind && waits.current.reads < HISTORY_WAIT_READS} />
        </>
      ) : (
        !page.error && <Loading what="the task" />
      )}
    </section>
  );
}

function DeleteTask({ rowId, title }: { rowId: string; title: string }) {
  const can = useCan();
  const navigate = useNavigate();
  const [remove] = useDocumentMutation(DeleteTaskRowDocument);
  if (!can('tasks:delete')) return null;
  return <ConfirmedAction label="Delete task" confirm={`Confirm deleting ${title}`} run={() => remove({ rowId })} onDone={() => navigate('/tasks')} />;
}

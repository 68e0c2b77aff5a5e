// What happened to the task, newest first, in words: who, what, when (taskHistories, written by the
// worker from the audit events; readable exactly when the task is).
import type { TaskPageQuery } from '../../../../client/generated/graphql.ts';
import { formatTime } from '../../components/ui.tsx';
import { actorName, describeChange } from './labels.tsx';
import type { Names } from './names.tsx';

type Entry = NonNullable<TaskPageQuery['task']>['history']['nodes'][number];

export function TaskHistory({ entries, total, names, recording }: { entries: Entry[]; total: number; names: Names; recording: boolean }) {
  return (
    <section aria-labelledby="task-history">
      <h2 id="task-history">History</h2>
      {recording && (
        <p className="muted" role="status">
          Recording the latest change…
        </p>
      )}
      {entries.length === 0 ? (
        !recording && <p className="muted">Nothing recorded yet.</p>
      ) : (
        <ol className="task-history" aria-label="History">
          {entries.map((entry) => (
            <li key={entry.rowId}>
              <time dateTime={entry.createdAt}>{formatTime(entry.createdAt)}</time>
              <span>
                <strong>{actorName(entry.actor, entry.actorId)}</strong> {describeChange(entry.action, entry.changes, names)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {total > entries.length && (
        <p className="muted">
          The latest {entries.length} of {total} changes; the audit log keeps them all.
        </p>
      )}
    </section>
  );
}

// Every field of the task, and the form that edits them for who holds tasks:write (the assignee only with
// tasks:assign). Only the fields changed in the form are sent, compared with the task as it was when
// editing began, so a field someone else changed meanwhile is not written back. Metadata is edited as
// JSON; text that is not JSON is refused here, before anything is sent, and the database refuses what it
// must (not an object, too large) with its own message.
import { useId, useState, type FormEvent, type TextareaHTMLAttributes } from 'react';
import { UpdateTaskDetailDocument, type TaskDetailFragment, type TaskPatch, type TaskPriority, type TaskStatus } from '../../../../client/generated/graphql.ts';
import { useDocumentMutation } from '../../api/graphql.ts';
import { useEditing } from '../../components/editing.ts';
import { useCan } from '../../components/organization.ts';
import { ErrorMessage, TextField, attempt, formatTime, SubmitButton } from '../../components/ui.tsx';
import { PRIORITIES, StatusBadge, label } from './labels.tsx';
import type { Names } from './names.tsx';
import { TaskSelects } from './TaskSelects.tsx';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export function TaskFields({ task, names, onChanged }: { task: TaskDetailFragment; names: Names; onChanged(): void }) {
  const can = useCan();
  const { editing, editButton, start, stop } = useEditing();
  if (editing) {
    return (
      <EditTask
        task={task}
        names={names}
        onDone={(saved) => {
          stop();
          if (saved) onChanged();
        }}
      />
    );
  }
  return (
    <section aria-labelledby="task-fields">
      {/* The button beside the heading, not in it: the heading's name stays "Details". */}
      <div className="section-heading">
        <h2 id="task-fields">Details</h2>
        {can('tasks:write') && (
          <button type="button" ref={editButton} className="secondary" onClick={start} aria-label={`Edit ${task.title}`}>
            Edit
          </button>
        )}
      </div>
      <dl className="task-fields">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={task.status} />
        </dd>
        <dt>Priority</dt>
        <dd>{label(PRIORITIES, task.priority)}</dd>
        <dt>Assignee</dt>
        <dd>{task.assignee?.name ?? (task.assigneeId ? 'A former member' : 'Nobody')}</dd>
        <dt>Team</dt>
        <dd>{task.team?.name ?? 'No team'}</dd>
        <dt>Description</dt>
        <dd className="description">{task.description || <span className="muted">No description</span>}</dd>
        <dt>Metadata</dt>
        <dd>
          {task.metadata && typeof task.metadata === 'object' && Object.keys(task.metadata).length > 0 ? (
            <pre className="metadata">
              <code>{pretty(task.metadata)}</code>
            </pre>
          ) : (
            <span className="muted">None</span>
          )}
        </dd>
        <dt>Created</dt>
        <dd>
          <time dateTime={task.createdAt}>{formatTime(task.createdAt)}</time>
          {task.createdBy && ` by ${task.createdBy.name}`}
        </dd>
        <dt>Updated</dt>
        <dd>
          <time dateTime={task.updatedAt}>{formatTime(task.updatedAt)}</time>
        </dd>
        {task.completedAt && (
          <>
            <dt>Completed</dt>
            <dd>
              <time dateTime={task.completedAt}>{formatTime(task.completedAt)}</time>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function EditTask({ task, names, onDone }: { task: TaskDetailFragment; names: Names; onDone(saved: boolean): void }) {
  const can = useCan();
  const [before] = useState(task); // the task as it was when editing began
  const [update, busy] = useDocumentMutation(UpdateTaskDetailDocument);
  const [error, setError] = useState<Error>();
  const people = can('tasks:assign') ? [...names.people] : [];
  const teams = [...names.teams];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    let metadata: unknown;
    try {
      metadata = JSON.parse(text('metadata').trim() || '{}');
    } catch (failure) {
      setError(new Error(`Metadata is not valid JSON: ${(failure as Error).message}`));
      return;
    }
    const patch: TaskPatch = {};
    if (text('title') !== before.title) patch.title = text('title');
    if (text('description') !== before.description) patch.description = text('description');
    if (text('status') !== before.status) patch.status = text('status') as TaskStatus;
    if (text('priority') !== before.priority) patch.priority = text('priority') as TaskPriority;
    if ((text('teamId') || null) !== (before.teamId ?? null)) patch.teamId = text('teamId') || null;
    if (people.length && (text('assigneeId') || null) !== (before.assigneeId ?? null)) patch.assigneeId = text('assigneeId') || null;
    if (pretty(metadata) !== pretty(before.metadata)) patch.metadata = metadata;
    if (Object.keys(patch).length === 0) return onDone(false);
    if (await attempt(() => update({ rowId: before.rowId, patch }), setError)) onDone(true);
  };

  return (
    <section aria-labelledby="task-fields">
      <h2 id="task-fields">Details</h2>
      <form className="task-edit" aria-label={`Edit ${before.title}`} onSubmit={submit}>
        {/* The focus comes here from the Edit button the details replaced. */}
        <TextField label="Title" name="title" defaultValue={before.title} required autoFocus />
        <div className="row">
          <TaskSelects task={before} people={people} teams={teams} />
        </div>
        <TextArea label="Description" name="description" defaultValue={before.description} rows={5} />
        <TextArea label="Metadata (JSON)" name="metadata" defaultValue={pretty(before.metadata ?? {})} rows={Math.min(16, Math.max(4, pretty(before.metadata ?? {}).split('\n').length + 1))} spellCheck={false} className="json" />
        <ErrorMessage error={error} />
        <p className="actions">
          <SubmitButton busy={busy}>
            Save
          </SubmitButton>
          <button type="button" className="secondary" onClick={() => onDone(false)}>
            Cancel
          </button>
        </p>
      </form>
    </section>
  );
}

function TextArea({ label: text, ...area }: { label: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{text}</label>
      <textarea id={id} {...area} />
    </div>
  );
}

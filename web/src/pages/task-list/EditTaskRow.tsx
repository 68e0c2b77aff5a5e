// A task's row while it is edited: one cell holding the form, Escape or Cancel leaving it unchanged.
import { useState, type FormEvent } from 'react';
import { UpdateTaskRowDocument, type TaskPriority, type TaskRowFragment, type TaskStatus } from '../../../../client/generated/graphql.ts';
import { useDocumentMutation } from '../../api/graphql.ts';
import { ErrorMessage, TextField, attempt, SubmitButton, type OptionPairs } from '../../components/ui.tsx';
import { TaskSelects } from '../task/TaskSelects.tsx';

/** `people` is empty for who may not assign: the form then neither shows nor sends the assignee. */
export function EditTaskRow({ task, people, teams, onCancel, onSaved }: { task: TaskRowFragment; people: OptionPairs; teams: OptionPairs; onCancel(): void; onSaved(): void }) {
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
          <TaskSelects task={task} people={people} teams={teams} />
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

// The form above the list that adds a task, and then stands ready for the next one.
import { useState, type FormEvent } from 'react';
import { CreateTaskRowDocument, type TaskPriority } from '../../../../client/generated/graphql.ts';
import { useDocumentMutation } from '../../api/graphql.ts';
import { ErrorMessage, SelectField, TextField, attempt, SubmitButton, pairOptions, type OptionPairs } from '../../components/ui.tsx';
import { PRIORITIES } from '../task/labels.tsx';

/** `people` is empty for who may not assign: the form then offers no assignee. */
export function CreateTaskForm({ people, teams, onCreated }: { people: OptionPairs; teams: OptionPairs; onCreated(): void }) {
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
        {pairOptions(PRIORITIES)}
      </SelectField>
      {people.length > 0 && (
        <SelectField label="Assignee" name="assigneeId" defaultValue="">
          <option value="">Nobody</option>
          {pairOptions(people)}
        </SelectField>
      )}
      {teams.length > 0 && (
        <SelectField label="Team" name="teamId" defaultValue="">
          <option value="">No team</option>
          {pairOptions(teams)}
        </SelectField>
      )}
      <SubmitButton busy={busy}>
        Add task
      </SubmitButton>
      <ErrorMessage error={error} />
    </form>
  );
}

// The selects both forms that edit a task share (the list's edit row and the task page): status,
// priority, assignee and team. The task's own assignee and team are always among the options, even where
// the organization's lists (its first 100 people and teams, or a member who has left) leave them out: a
// select without its value falls back to its first option, and saving another field would clear them.
import { pairOptions, SelectField, type OptionPairs } from '../../components/ui.tsx';
import { PRIORITIES, STATUSES } from './labels.tsx';

interface Editable {
  status: string;
  priority: string;
  assigneeId?: string | null;
  teamId?: string | null;
  assignee?: { name: string } | null;
  team?: { name: string } | null;
}

const withCurrent = (pairs: OptionPairs, id: string | null | undefined, name: string): OptionPairs =>
  !id || pairs.some(([value]) => value === id) ? pairs : [...pairs, [id, name]];

/** `people` is empty for who may not assign: the assignee is then neither shown nor sent. */
export function TaskSelects({ task, people, teams }: { task: Editable; people: OptionPairs; teams: OptionPairs }) {
  return (
    <>
      <SelectField label="Status" name="status" defaultValue={task.status}>
        {pairOptions(STATUSES)}
      </SelectField>
      <SelectField label="Priority" name="priority" defaultValue={task.priority}>
        {pairOptions(PRIORITIES)}
      </SelectField>
      {people.length > 0 && (
        <SelectField label="Assignee" name="assigneeId" defaultValue={task.assigneeId ?? ''}>
          <option value="">Nobody</option>
          {pairOptions(withCurrent(people, task.assigneeId, task.assignee?.name ?? 'A former member'))}
        </SelectField>
      )}
      <SelectField label="Team" name="teamId" defaultValue={task.teamId ?? ''}>
        <option value="">No team</option>
        {pairOptions(withCurrent(teams, task.teamId, task.team?.name ?? 'A team that is gone'))}
      </SelectField>
    </>
  );
}

// The form above the list that filters it and picks its order.
import { SelectField, TextField, pairOptions, type OptionPairs } from '../../components/ui.tsx';
import { PRIORITIES, STATUSES } from '../task/labels.tsx';
import type { TaskFilters } from './filters.ts';
import { SORTS } from './sorting.ts';

export function TaskFilterForm({ filters, sort, onSort, people, teams }: { filters: TaskFilters; sort: string; onSort(sort: string): void; people: OptionPairs; teams: OptionPairs }) {
  const { applied, set } = filters;
  return (
    <form className="filters" aria-label="Filter tasks" onSubmit={(e) => e.preventDefault()}>
      <TextField label="Title contains" type="search" value={filters.title} onChange={(e) => filters.setTitle(e.target.value)} />
      <SelectField label="Status" value={applied.status} onChange={set('status')}>
        <option value="">Any</option>
        {pairOptions(STATUSES)}
      </SelectField>
      <SelectField label="Priority" value={applied.priority} onChange={set('priority')}>
        <option value="">Any</option>
        {pairOptions(PRIORITIES)}
      </SelectField>
      <SelectField label="Assignee" value={applied.assignee} onChange={set('assignee')}>
        <option value="">Anyone</option>
        <option value="nobody">Nobody</option>
        {pairOptions(people)}
      </SelectField>
      <SelectField label="Team" value={applied.team} onChange={set('team')}>
        <option value="">Any</option>
        {pairOptions(teams)}
      </SelectField>
      <TextField label="Created from" type="date" value={applied.from} onChange={set('from')} />
      <TextField label="Created until" type="date" value={applied.to} onChange={set('to')} />
      <SelectField label="Sort" value={sort} onChange={(e) => onSort(e.target.value)}>
        {Object.entries(SORTS).map(([key, { label: text }]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </SelectField>
      <button type="button" className="secondary" onClick={filters.clear}>
        Clear filters
      </button>
    </form>
  );
}

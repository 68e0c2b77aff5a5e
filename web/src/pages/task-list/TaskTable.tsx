// The table of one page of tasks, its column headers sorting the list.
import type { TaskRowFragment } from '../../../../client/generated/graphql.ts';
import { ActionsHeader, ScrollRegion, type OptionPairs } from '../../components/ui.tsx';
import { SORTABLE } from './sorting.ts';
import { TaskRow } from './TaskRow.tsx';

export function TaskTable({ tasks, sort, onSort, people, teams, onChanged }: { tasks: TaskRowFragment[]; sort: string; onSort(sort: string): void; people: OptionPairs; teams: OptionPairs; onChanged(): void }) {
  return (
    <ScrollRegion label="Tasks">
      <table className="tasks">
        <thead>
          <tr>
            <SortHeader column="Title" sort={sort} onSort={onSort} />
            <SortHeader column="Status" sort={sort} onSort={onSort} />
            <SortHeader column="Priority" sort={sort} onSort={onSort} />
            <th scope="col">Assignee</th>
            <th scope="col">Team</th>
            <SortHeader column="Created" sort={sort} onSort={onSort} />
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <TaskRow key={task.rowId} task={task} people={people} teams={teams} onChanged={onChanged} />
          ))}
        </tbody>
      </table>
    </ScrollRegion>
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

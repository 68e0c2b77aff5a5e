// Where the shown page is in the list ("21–40 of 53 tasks", above the table) and the controls that turn
// and size the pages (below it).
import { SelectField } from '../../components/ui.tsx';
import { PAGE_SIZES, type Paging } from './paging.ts';
import type { TaskConnection } from './useTaskList.ts';

export function TaskCount({ paging: { page, size }, connection }: { paging: Paging; connection: TaskConnection }) {
  return (
    <p className="count" aria-live="polite">
      {page.index * size + 1}–{page.index * size + connection.nodes.length} of {connection.totalCount === 1 ? '1 task' : `${connection.totalCount} tasks`}
    </p>
  );
}

export function TaskPager({ paging: { page, size, turn, resize }, connection: { pageInfo } }: { paging: Paging; connection: TaskConnection }) {
  return (
    // Paging forward, PostGraphile knows what follows but not what precedes; backward, the reverse.
    <nav className="pager" aria-label="Task pages">
      <button
        type="button"
        className="secondary"
        disabled={page.index === 0 || (!pageInfo.hasPreviousPage && !page.after)}
        onClick={() => turn({ before: pageInfo.startCursor ?? undefined, index: page.index - 1 })}
      >
        Previous page
      </button>
      <button type="button" className="secondary" disabled={!pageInfo.hasNextPage && !page.before} onClick={() => turn({ after: pageInfo.endCursor ?? undefined, index: page.index + 1 })}>
        Next page
      </button>
      <SelectField label="Tasks per page" value={String(size)} onChange={(e) => resize(Number(e.target.value))}>
        {PAGE_SIZES.map((pageSize) => (
          <option key={pageSize} value={pageSize}>
            {pageSize}
          </option>
        ))}
      </SelectField>
    </nav>
  );
}

// An empty list says why, and offers the way on: all tasks again, or the first one to write.
import { useCan } from '../../components/organization.ts';
import { Empty } from '../../components/ui.tsx';

export function NoTasks({ filtered, onClearFilters }: { filtered: boolean; onClearFilters(): void }) {
  const can = useCan();
  return filtered ? (
    <Empty
      action={
        <button type="button" className="secondary" onClick={onClearFilters}>
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
          // The create form's title field (CreateTaskForm), above the list.
          <button type="button" className="secondary" onClick={() => document.querySelector<HTMLInputElement>('#new-task input[name=title]')?.focus()}>
            Write the first task
          </button>
        )
      }
    >
      No tasks yet.
    </Empty>
  );
}

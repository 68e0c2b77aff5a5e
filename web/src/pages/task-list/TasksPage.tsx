// /tasks: the organization's tasks, filtered, sorted and in cursor pages; a form that creates one and rows
// that edit and delete in place, for who may. The list reads itself again whenever a task of this
// organization changes (useTaskList).
import { useState } from 'react';
import { useCan } from '../../components/organization.ts';
import { ErrorMessage, Loading } from '../../components/ui.tsx';
import { useTaskChoices } from '../task/choices.ts';
import { CreateTaskForm } from './CreateTaskForm.tsx';
import { useTaskFilters } from './filters.ts';
import { NoTasks } from './NoTasks.tsx';
import { usePaging } from './paging.ts';
import { TaskFilterForm } from './TaskFilterForm.tsx';
import { TaskCount, TaskPager } from './TaskPager.tsx';
import { TaskTable } from './TaskTable.tsx';
import { useTaskList } from './useTaskList.ts';

export function TasksPage() {
  const can = useCan();
  const filters = useTaskFilters();
  const [sort, setSort] = useState('newest');
  const paging = usePaging([filters.applied, sort]);
  const list = useTaskList(filters.applied, sort, paging);
  const { people, teams } = useTaskChoices();
  const { refetch } = list;
  const connection = list.data?.tasks;

  return (
    <section>
      <h1 tabIndex={-1}>Tasks</h1>
      {can('tasks:write') && <CreateTaskForm people={can('tasks:assign') ? people : []} teams={teams} onCreated={refetch} />}
      <TaskFilterForm filters={filters} sort={sort} onSort={setSort} people={people} teams={teams} />
      <ErrorMessage error={list.error} retry={refetch} />
      {!connection && list.fetching && <Loading what="tasks" />}
      {connection?.totalCount === 0 && <NoTasks filtered={filters.active} onClearFilters={filters.clear} />}
      {connection && connection.totalCount > 0 && (
        <>
          <TaskCount paging={paging} connection={connection} />
          <TaskTable tasks={connection.nodes} sort={sort} onSort={setSort} people={people} teams={teams} onChanged={refetch} />
          <TaskPager paging={paging} connection={connection} />
        </>
      )}
    </section>
  );
}

// The page of tasks the list shows, read again whenever taskChanged says a task of this organization
// changed (anyone's change, this tab's included).
import { useEffect, useMemo, useRef } from 'react';
import { TaskListChangedDocument, TaskListDocument, type TaskListQuery } from '../../../../client/generated/graphql.ts';
import { useDocumentQuery, useDocumentSubscription, type Result } from '../../api/graphql.ts';
import { toTaskFilter, type Filters } from './filters.ts';
import type { Paging } from './paging.ts';
import { SORTS } from './sorting.ts';

export type TaskConnection = NonNullable<TaskListQuery['tasks']>;

export function useTaskList(filters: Filters, sort: string, { page, size }: Paging): Result<TaskListQuery> {
  const variables = useMemo(
    () => ({
      filter: toTaskFilter(filters),
      orderBy: SORTS[sort].orderBy,
      ...(page.before ? { last: size, before: page.before } : { first: size, after: page.after }),
    }),
    [filters, sort, page, size],
  );
  const list = useDocumentQuery(TaskListDocument, variables);

  // Live: whatever changed, read the page again (a burst of events is one read).
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { refetch } = list;
  useDocumentSubscription(
    TaskListChangedDocument,
    {},
    () => {
      clearTimeout(pending.current);
      pending.current = setTimeout(refetch, 100);
    },
    refetch,
  );
  useEffect(() => () => clearTimeout(pending.current), []);
  return list;
}

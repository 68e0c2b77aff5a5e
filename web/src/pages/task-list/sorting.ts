// The orders the list can be read in (the filter form's Sort), and which of them a column header sorts by.
import type { TaskOrderBy } from '../../../../client/generated/graphql.ts';

export const SORTS: Record<string, { label: string; orderBy: TaskOrderBy[] }> = {
  newest: { label: 'Newest first', orderBy: ['CREATED_AT_DESC'] },
  oldest: { label: 'Oldest first', orderBy: ['CREATED_AT_ASC'] },
  updated: { label: 'Recently changed', orderBy: ['UPDATED_AT_DESC'] },
  priority: { label: 'Most urgent', orderBy: ['PRIORITY_DESC'] },
  leastUrgent: { label: 'Least urgent', orderBy: ['PRIORITY_ASC'] },
  status: { label: 'Status', orderBy: ['STATUS_ASC'] },
  statusDesc: { label: 'Status, reversed', orderBy: ['STATUS_DESC'] },
  title: { label: 'Title', orderBy: ['TITLE_ASC'] },
  titleDesc: { label: 'Title, Z to A', orderBy: ['TITLE_DESC'] },
};

/** Columns that sort: the SORTS key for ascending and for descending, and which comes first on a click. */
export const SORTABLE: Record<string, { ascending: string; descending: string; first: 'ascending' | 'descending' }> = {
  Title: { ascending: 'title', descending: 'titleDesc', first: 'ascending' },
  Status: { ascending: 'status', descending: 'statusDesc', first: 'ascending' },
  Priority: { ascending: 'leastUrgent', descending: 'priority', first: 'descending' },
  Created: { ascending: 'oldest', descending: 'newest', first: 'descending' },
};

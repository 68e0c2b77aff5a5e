// The organization's people and teams for the task screens (its first 100 of each, read once per page):
// as [id, name] pairs for the selects, and as maps for naming them in words (names.tsx reads anyone else).
import { useMemo } from 'react';
import { TaskChoicesDocument } from '../../../../client/generated/graphql.ts';
import { useDocumentQuery } from '../../api/graphql.ts';
import type { OptionPairs } from '../../components/ui.tsx';
import type { Names } from './names.tsx';

export function useTaskChoices(): { people: OptionPairs; teams: OptionPairs; names: Names } {
  const { data } = useDocumentQuery(TaskChoicesDocument, {});
  return useMemo(() => {
    const people = (data?.organizationMemberships?.nodes ?? []).flatMap((m) => (m.user ? [[m.user.rowId, m.user.name] as const] : []));
    const teams = (data?.teams?.nodes ?? []).map((t) => [t.rowId, t.name] as const);
    return { people, teams, names: { people: new Map(people), teams: new Map(teams), loaded: data !== undefined } };
  }, [data]);
}

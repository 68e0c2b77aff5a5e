// What the list's selects offer: the organization's people and teams (read once for the page), and the
// <option>s for them.
import { TaskChoicesDocument } from '../../../../client/generated/graphql.ts';
import { useDocumentQuery } from '../../api/graphql.ts';

export interface Choice {
  rowId: string;
  name: string;
}

export function useTaskChoices(): { people: Choice[]; teams: Choice[] } {
  const choices = useDocumentQuery(TaskChoicesDocument, {});
  return {
    people: (choices.data?.organizationMemberships?.nodes ?? []).flatMap((m) => (m.user ? [m.user] : [])),
    teams: choices.data?.teams?.nodes ?? [],
  };
}

/** An option for each person or team. */
export const choiceOptions = (choices: Choice[]) =>
  choices.map((c) => (
    <option key={c.rowId} value={c.rowId}>
      {c.name}
    </option>
  ));

// Who and which team a task's page names. The page reads the organization's first 100 people and teams
// once (choices.ts); a task's history can name anyone, so a person or team past those is read by id, under
// users' and teams' own policies: no answer means they are gone (or out of the reader's sight).
import { PersonNameDocument, TeamNameDocument } from '../../../../client/generated/graphql.ts';
import { useDocumentQuery } from '../../api/graphql.ts';

export interface Names {
  people: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
  /** Whether the first 100 have been read: until then nobody is looked up alone. */
  loaded: boolean;
}

export function PersonName({ id, names }: { id: string; names: Names }) {
  const known = names.people.get(id);
  const { data } = useDocumentQuery(PersonNameDocument, { rowId: id }, known !== undefined || !names.loaded);
  return <>{known ?? (data ? (data.user?.name ?? 'a former member') : '…')}</>;
}

export function TeamName({ id, names }: { id: string; names: Names }) {
  const known = names.teams.get(id);
  const { data } = useDocumentQuery(TeamNameDocument, { rowId: id }, known !== undefined || !names.loaded);
  return <>{known ?? (data ? (data.team?.name ?? 'a team that is gone') : '…')}</>;
}

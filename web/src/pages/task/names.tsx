// Who and which team a task's page names. The page reads the organization's first 100 people and teams
// once (choices.ts); a task's history can name anyone, so a person or team past those is read by id, under
// users' and teams' own policies: no answer means they are gone (or out of the reader's sight); a lookup
// that fails (the network, the server) says so rather than waiting forever.
import { PersonNameDocument, TeamNameDocument, type TypedDocumentString } from '../../../../client/generated/graphql.ts';
import { useDocumentQuery } from '../../api/graphql.ts';

export interface Names {
  people: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
  /** Whether the first 100 have been read: until then nobody is looked up alone. */
  loaded: boolean;
}

interface Lookup<T> {
  /** The name among the first 100, if there. */
  known: string | undefined;
  loaded: boolean;
  read: TypedDocumentString<T, { rowId: string }>;
  id: string;
  nameOf(data: T): string | undefined;
  gone: string;
  unread: string;
}

function NameById<T>({ known, loaded, read, id, nameOf, gone, unread }: Lookup<T>) {
  const { data, error } = useDocumentQuery(read, { rowId: id }, known !== undefined || !loaded);
  return <>{known ?? (data ? (nameOf(data) ?? gone) : error ? unread : '…')}</>;
}

export const PersonName = ({ id, names }: { id: string; names: Names }) => (
  <NameById known={names.people.get(id)} loaded={names.loaded} read={PersonNameDocument} id={id} nameOf={(data) => data.user?.name} gone="a former member" unread="someone (the name could not be read)" />
);

export const TeamName = ({ id, names }: { id: string; names: Names }) => (
  <NameById known={names.teams.get(id)} loaded={names.loaded} read={TeamNameDocument} id={id} nameOf={(data) => data.team?.name} gone="a team that is gone" unread="a team (the name could not be read)" />
);

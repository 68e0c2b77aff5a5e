// Teams: teams:read lists them with their members; teams:write creates, teams:delete deletes,
// teams:manage_members adds and removes members. Deleting and removing ask first.
import { useState, type FormEvent } from 'react';
import { AddTeamMemberDocument, CreateTeamRowDocument, DeleteTeamRowDocument, RemoveTeamMemberDocument, TaskChoicesDocument, TeamListDocument } from '../../../client/generated/graphql.ts';
import { useDocumentMutation, useDocumentQuery } from '../api/graphql.ts';
import { useCan } from '../components/organization.ts';
import { ActionsHeader, ConfirmedAction, Empty, ErrorMessage, Loading, ScrollRegion, TextField, attempt } from '../components/ui.tsx';

export function TeamsPage() {
  const can = useCan();
  const [name, setName] = useState('');
  const [error, setError] = useState<Error>();
  const teams = useDocumentQuery(TeamListDocument, { first: 50, ...(name.trim() ? { filter: { name: { includesInsensitive: name.trim() } } } : {}) });
  const people = useDocumentQuery(TaskChoicesDocument, {}, !can('teams:manage_members'));
  const [create, creating] = useDocumentMutation(CreateTeamRowDocument);
  const [remove] = useDocumentMutation(DeleteTeamRowDocument);
  const [add] = useDocumentMutation(AddTeamMemberDocument);
  const [drop] = useDocumentMutation(RemoveTeamMemberDocument);
  const list = teams.data?.teams?.nodes;
  const members = (people.data?.organizationMemberships?.nodes ?? []).flatMap((m) => (m.user ? [m.user] : []));
  const run = async (action: () => Promise<unknown>) => {
    if (await attempt(action, setError)) teams.refetch();
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const teamName = String(new FormData(formElement).get('name'));
    await run(async () => {
      await create({ team: { name: teamName } });
      formElement.reset();
    });
  };

  return (
    <section>
      <h1>Teams</h1>
      {can('teams:write') && (
        <form className="create" id="new-team" aria-label="Create a team" onSubmit={submit}>
          <TextField label="New team" name="name" required maxLength={100} />
          <button type="submit" disabled={creating}>
            Add team
          </button>
        </form>
      )}
      <form className="filters" aria-label="Filter teams" onSubmit={(e) => e.preventDefault()}>
        <TextField label="Name contains" type="search" value={name} onChange={(e) => setName(e.target.value)} />
      </form>
      <ErrorMessage error={error} />
      <ErrorMessage error={teams.error} retry={teams.refetch} />
      {!teams.data && teams.fetching && <Loading what="teams" />}
      {list?.length === 0 &&
        (name.trim() ? (
          <Empty>No team's name contains “{name.trim()}”.</Empty>
        ) : (
          <Empty
            action={
              can('teams:write') && (
                <button type="button" className="secondary" onClick={() => document.querySelector<HTMLInputElement>('#new-team input')?.focus()}>
                  Create the first team
                </button>
              )
            }
          >
            No teams yet.
          </Empty>
        ))}
      {!!list?.length && (
        <ScrollRegion label="Teams">
          <table>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Members</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {list.map((team) => {
                const inTeam = new Set(team.members.nodes.map((m) => m.user?.rowId));
                const addable = members.filter((m) => !inTeam.has(m.rowId));
                return (
                  <tr key={team.rowId}>
                    <th scope="row">{team.name}</th>
                    <td className="roles">
                      {team.members.nodes.map((m) => (
                        <span key={m.rowId} className="chip">
                          {m.user?.name}
                          {can('teams:manage_members') && (
                            <ConfirmedAction
                              label="×"
                              name={`Remove ${m.user?.name} from ${team.name}`}
                              confirm={`Confirm removing ${m.user?.name} from ${team.name}`}
                              run={() => drop({ rowId: m.rowId })}
                              onDone={teams.refetch}
                            />
                          )}
                        </span>
                      ))}
                      {can('teams:manage_members') && addable.length > 0 && (
                        <select aria-label={`Add a member to ${team.name}`} value="" onChange={(e) => e.target.value && run(() => add({ teamId: team.rowId, userId: e.target.value }))}>
                          <option value="">Add member…</option>
                          {addable.map((m) => (
                            <option key={m.rowId} value={m.rowId}>
                              {m.name}
                            </option>
                          ))}
                        </select>
                      )}
                    </td>
                    <td className="actions">
                      {can('teams:delete') && (
                        <ConfirmedAction
                          label="Delete"
                          name={`Delete team ${team.name}`}
                          confirm={`Confirm deleting the team ${team.name}`}
                          run={() => remove({ rowId: team.rowId })}
                          onDone={teams.refetch}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

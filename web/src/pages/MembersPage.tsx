// Members and invitations. Members need users:read; their roles show and change with roles:assign;
// removing needs users:delete; invitations (list, send, revoke) need users:invite. Nothing that grants,
// takes away or removes happens on a selection alone: a role is chosen, then given by a button, and every
// such action asks to confirm, naming what it does. An invitation offers the least-privileged role first.
import { useRef, useState, type FormEvent } from 'react';
import {
  AssignRoleDocument,
  InvitationListDocument,
  MemberListDocument,
  RemoveMemberDocument,
  RevokeInvitationDocument,
  RoleListDocument,
  SendInvitationDocument,
  UnassignRoleDocument,
  type InvitationListQuery,
  type MemberListQuery,
} from '../../../client/generated/graphql.ts';
import { useDocumentMutation, useDocumentQuery, type Result } from '../api/graphql.ts';
import { useCan, useOrganization } from '../components/organization.ts';
import { ActionsHeader, ConfirmedAction, Empty, ErrorMessage, Loading, ScrollRegion, SelectField, TextField, attempt, formatTime, SubmitButton } from '../components/ui.tsx';

type Member = NonNullable<MemberListQuery['organizationMemberships']>['nodes'][number];
type Role = { rowId: string; name: string; permissions: string[] };

/** The role that grants least: the system Viewer (read-only), else the one with the fewest permissions. */
function leastPrivileged(roles: Role[]): Role | undefined {
  const weight = (role: Role) => (role.permissions.includes('*') ? Infinity : role.permissions.length);
  return roles.find((role) => role.name === 'Viewer') ?? [...roles].sort((a, b) => weight(a) - weight(b))[0];
}

export function MembersPage() {
  const can = useCan();
  const [after, setAfter] = useState<string>();
  const members = useDocumentQuery(MemberListDocument, { first: 50, after });
  const roles = useDocumentQuery(RoleListDocument, {}, !can('roles:read'));
  const roleList: Role[] = roles.data?.roles?.nodes ?? [];
  const invitations = useDocumentQuery(InvitationListDocument, { first: 50 }, !can('users:invite'));
  const connection = members.data?.organizationMemberships;

  return (
    <section>
      <h1>Members</h1>
      {/* Inviting is what this page is for most often: first, where it is seen without scrolling. */}
      {can('users:invite') && <InviteForm roles={roleList} onSent={invitations.refetch} />}
      <ErrorMessage error={members.error} retry={members.refetch} />
      {!connection && members.fetching && <Loading what="members" />}
      {connection && (
        <ScrollRegion label="Members">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                {can('roles:assign') && <th scope="col">Roles</th>}
                <th scope="col">Member since</th>
                {can('users:delete') && (
                  <ActionsHeader />
                )}
              </tr>
            </thead>
            <tbody>
              {connection.nodes.map((member) => (
                <MemberRow key={member.rowId} member={member} roles={roleList} onChanged={members.refetch} />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {connection?.pageInfo.hasNextPage && (
        <button type="button" className="secondary" onClick={() => setAfter(connection.pageInfo.endCursor ?? undefined)}>
          Next page
        </button>
      )}
      {can('users:invite') && <Invitations invitations={invitations} />}
    </section>
  );
}

function MemberRow({ member, roles, onChanged }: { member: Member; roles: Role[]; onChanged(): void }) {
  const can = useCan();
  const { user: me } = useOrganization();
  const [chosen, setChosen] = useState('');
  const [assign] = useDocumentMutation(AssignRoleDocument);
  const [unassign] = useDocumentMutation(UnassignRoleDocument);
  const [remove] = useDocumentMutation(RemoveMemberDocument);
  const held = member.user?.userRoles.nodes ?? [];
  const name = member.user?.name ?? member.userId;
  const addable = roles.filter((role) => !held.some((h) => h.role?.rowId === role.rowId));
  const chosenRole = addable.find((role) => role.rowId === chosen);
  const chooser = useRef<HTMLSelectElement>(null);
  // Given: the focus goes back to the choice (the Give role button is disabled until the next one).
  const added = () => {
    setChosen('');
    chooser.current?.focus();
    onChanged();
  };

  return (
    <tr data-member={member.userId}>
      <th scope="row">
        {name}
        {member.userId === me?.rowId && ' (you)'}
      </th>
      <td>{member.user?.email}</td>
      {can('roles:assign') && (
        <td className="roles">
          {held.map((h) => (
            <span key={h.rowId} className="chip">
              {h.role?.name}
              <ConfirmedAction
                label="×"
                name={`Remove role ${h.role?.name} from ${name}`}
                confirm={`Confirm taking the role ${h.role?.name} from ${name}`}
                run={() => unassign({ rowId: h.rowId })}
                onDone={onChanged}
              />
            </span>
          ))}
          {addable.length > 0 && (
            <span className="add-role">
              <select ref={chooser} aria-label={`Choose a role for ${name}`} value={chosen} onChange={(event) => setChosen(event.target.value)}>
                <option value="">Choose a role…</option>
                {addable.map((role) => (
                  <option key={role.rowId} value={role.rowId}>
                    {role.name}
                  </option>
                ))}
              </select>
              <ConfirmedAction
                label="Give role"
                name={chosenRole ? `Give role ${chosenRole.name} to ${name}` : `Give role to ${name}`}
                confirm={`Confirm giving ${name} the role ${chosenRole?.name ?? ''}`}
                tone="secondary"
                disabled={!chosenRole}
                run={() => assign({ userId: member.userId, roleId: chosen })}
                onDone={added}
              />
            </span>
          )}
        </td>
      )}
      <td>{formatTime(member.createdAt)}</td>
      {can('users:delete') && (
        <td className="actions">
          <ConfirmedAction
            label="Remove"
            name={`Remove ${name} from the organization`}
            confirm={`Confirm removing ${name} from the organization`}
            run={() => remove({ rowId: member.rowId })}
            onDone={onChanged}
          />
        </td>
      )}
    </tr>
  );
}

function InviteForm({ roles, onSent }: { roles: Role[]; onSent(): void }) {
  const [send, sending] = useDocumentMutation(SendInvitationDocument);
  const [error, setError] = useState<Error>();
  const [sent, setSent] = useState<string>();
  // Chosen by the user, else the least-privileged role (known once the roles have loaded).
  const [roleId, setRoleId] = useState<string>();
  const role = roleId ?? leastPrivileged(roles)?.rowId ?? '';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending || !role) return;
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get('email'));
    setSent(undefined);
    if (await attempt(() => send({ email, roleId: role }), setError)) {
      setSent(`Invitation sent to ${email}.`);
      formElement.reset();
      setRoleId(undefined);
      // Ready for the next address; the status above says this one went.
      (formElement.elements.namedItem('email') as HTMLInputElement).focus();
      onSent();
    }
  };
  return (
    <form className="create" aria-label="Invite someone" onSubmit={submit}>
      <TextField label="E-mail address" name="email" type="email" required />
      <SelectField label="Role" name="roleId" required value={role} onChange={(event) => setRoleId(event.target.value)}>
        {roles.map((role) => (
          <option key={role.rowId} value={role.rowId}>
            {role.name}
          </option>
        ))}
      </SelectField>
      <SubmitButton busy={sending || roles.length === 0}>
        Send invitation
      </SubmitButton>
      <ErrorMessage error={error} />
      {sent && (
        <p className="notice" role="status">
          {sent}
        </p>
      )}
    </form>
  );
}

function Invitations({ invitations }: { invitations: Result<InvitationListQuery> }) {
  const [revoke] = useDocumentMutation(RevokeInvitationDocument);
  const now = Date.now();
  return (
    <>
      <h2>Invitations</h2>
      <ErrorMessage error={invitations.error} retry={invitations.refetch} />
      {!invitations.data && invitations.fetching && <Loading what="invitations" />}
      {invitations.data?.invitations?.nodes.length === 0 && <Empty>No invitations yet: the form above sends one.</Empty>}
      {!!invitations.data?.invitations?.nodes.length && (
        <ScrollRegion label="Invitations">
          <table>
            <thead>
              <tr>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Invited by</th>
                <th scope="col">State</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {(invitations.data?.invitations?.nodes ?? []).map((invitation) => {
                const state = invitation.acceptedAt ? 'Accepted' : Date.parse(invitation.expiresAt) < now ? 'Expired' : `Pending until ${formatTime(invitation.expiresAt)}`;
                return (
                  <tr key={invitation.rowId} data-invitation={invitation.email}>
                    <th scope="row">{invitation.email}</th>
                    <td>{invitation.role?.name}</td>
                    <td>{invitation.invitedBy?.name ?? '—'}</td>
                    <td>{state}</td>
                    <td className="actions">
                      {!invitation.acceptedAt && (
                        <ConfirmedAction
                          label="Revoke"
                          name={`Revoke the invitation to ${invitation.email}`}
                          confirm={`Confirm revoking the invitation to ${invitation.email}`}
                          run={() => revoke({ rowId: invitation.rowId })}
                          onDone={invitations.refetch}
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
    </>
  );
}

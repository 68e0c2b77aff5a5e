// Members and invitations. Members need users:read; their roles show and change with roles:assign;
// removing needs users:delete; invitations (list, send, revoke) need users:invite.
import { useState, type FormEvent } from 'react';
import {
  AssignRoleDocument,
  InvitationListDocument,
  MemberListDocument,
  RemoveMemberDocument,
  RevokeInvitationDocument,
  RoleListDocument,
  SendInvitationDocument,
  UnassignRoleDocument,
  type MemberListQuery,
} from '../../../client/generated/graphql.ts';
import { useDocumentMutation, useDocumentQuery } from '../api/graphql.ts';
import { useCan, useOrganization } from '../components/organization.ts';
import { ErrorMessage, SelectField, TextField, attempt, formatTime } from '../components/ui.tsx';

type Member = NonNullable<MemberListQuery['organizationMemberships']>['nodes'][number];
type Role = { rowId: string; name: string };

export function MembersPage() {
  const can = useCan();
  const [after, setAfter] = useState<string>();
  const members = useDocumentQuery(MemberListDocument, { first: 50, after });
  const roles = useDocumentQuery(RoleListDocument, {}, !can('roles:read'));
  const roleList: Role[] = roles.data?.roles?.nodes ?? [];
  const connection = members.data?.organizationMemberships;

  return (
    <section>
      <h1>Members</h1>
      <ErrorMessage error={members.error} />
      {connection && (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              {can('roles:assign') && <th scope="col">Roles</th>}
              <th scope="col">Member since</th>
              {can('users:delete') && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {connection.nodes.map((member) => (
              <MemberRow key={member.rowId} member={member} roles={roleList} onChanged={members.refetch} />
            ))}
          </tbody>
        </table>
      )}
      {connection?.pageInfo.hasNextPage && (
        <button type="button" className="secondary" onClick={() => setAfter(connection.pageInfo.endCursor ?? undefined)}>
          Next page
        </button>
      )}
      {can('users:invite') && <Invitations roles={roleList} />}
    </section>
  );
}

function MemberRow({ member, roles, onChanged }: { member: Member; roles: Role[]; onChanged(): void }) {
  const can = useCan();
  const { user: me } = useOrganization();
  const [error, setError] = useState<Error>();
  const [assign] = useDocumentMutation(AssignRoleDocument);
  const [unassign] = useDocumentMutation(UnassignRoleDocument);
  const [remove] = useDocumentMutation(RemoveMemberDocument);
  const held = member.user?.userRoles.nodes ?? [];
  const name = member.user?.name ?? member.userId;
  const run = async (action: () => Promise<unknown>) => {
    if (await attempt(action, setError)) onChanged();
  };
  const addable = roles.filter((role) => !held.some((h) => h.role?.rowId === role.rowId));

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
              <button type="button" className="link" aria-label={`Remove role ${h.role?.name} from ${name}`} onClick={() => run(() => unassign({ rowId: h.rowId }))}>
                ×
              </button>
            </span>
          ))}
          {addable.length > 0 && (
            <select
              aria-label={`Give ${name} a role`}
              value=""
              onChange={(event) => event.target.value && run(() => assign({ userId: member.userId, roleId: event.target.value }))}
            >
              <option value="">Add role…</option>
              {addable.map((role) => (
                <option key={role.rowId} value={role.rowId}>
                  {role.name}
                </option>
              ))}
            </select>
          )}
          <ErrorMessage error={error} />
        </td>
      )}
      <td>{formatTime(member.createdAt)}</td>
      {can('users:delete') && (
        <td className="actions">
          <button type="button" className="danger" aria-label={`Remove ${name} from the organization`} onClick={() => run(() => remove({ rowId: member.rowId }))}>
            Remove
          </button>
          {!can('roles:assign') && <ErrorMessage error={error} />}
        </td>
      )}
    </tr>
  );
}

function Invitations({ roles }: { roles: Role[] }) {
  const invitations = useDocumentQuery(InvitationListDocument, { first: 50 });
  const [send, sending] = useDocumentMutation(SendInvitationDocument);
  const [revoke] = useDocumentMutation(RevokeInvitationDocument);
  const [error, setError] = useState<Error>();
  const [sent, setSent] = useState<string>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get('email'));
    setSent(undefined);
    if (await attempt(() => send({ email, roleId: String(form.get('roleId')) }), setError)) {
      setSent(`Invitation sent to ${email}.`);
      formElement.reset();
      invitations.refetch();
    }
  };
  const now = Date.now();
  return (
    <>
      <h2>Invitations</h2>
      <form className="create" aria-label="Invite someone" onSubmit={submit}>
        <TextField label="E-mail address" name="email" type="email" required />
        <SelectField label="Role" name="roleId" required defaultValue={roles.find((r) => r.name === 'Viewer')?.rowId ?? ''}>
          {roles.map((role) => (
            <option key={role.rowId} value={role.rowId}>
              {role.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" disabled={sending || roles.length === 0}>
          Send invitation
        </button>
        <ErrorMessage error={error} />
        {sent && (
          <p className="notice" role="status">
            {sent}
          </p>
        )}
      </form>
      <ErrorMessage error={invitations.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Invited by</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
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
                    <button
                      type="button"
                      className="danger"
                      aria-label={`Revoke the invitation to ${invitation.email}`}
                      onClick={async () => {
                        if (await attempt(() => revoke({ rowId: invitation.rowId }), setError)) invitations.refetch();
                      }}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

--! Previous: sha1:ae93ae295630cde8e4d443de177e16c669045da9
--! Hash: sha1:418f90acfe75c882a73187312d8c302a558ce90b
--! Message: invitations

-- An invitation offers a role in an organization to an e-mail address. It is created and accepted
-- through functions (inviteToOrganization, acceptInvitation); the one-time token is kept hashed in
-- app_private so no API role can ever read it.
create table app_public.invitations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null default app_public.current_organization_id()
    references app_public.organizations on delete cascade,
  email text not null check (email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 320),
  role_id uuid not null,
  invited_by_id uuid references app_public.users on delete set null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by_id uuid references app_public.users on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (role_id, organization_id) references app_public.roles (id, organization_id) on delete cascade
);
create index invitations_organization_id_idx on app_public.invitations (organization_id, created_at);
create index invitations_role_id_idx on app_public.invitations (role_id, organization_id);
comment on table app_public.invitations is E'@behavior -insert -update\nAn invitation to join the organization with a role. Seeing and withdrawing invitations needs users:invite.';
comment on column app_public.invitations.id is 'The invitation''s id.';
comment on column app_public.invitations.organization_id is 'The organization.';
comment on column app_public.invitations.email is 'Where the invitation was sent.';
comment on column app_public.invitations.role_id is 'The role the invitee gets on accepting.';
comment on column app_public.invitations.invited_by_id is 'Who sent the invitation.';
comment on column app_public.invitations.expires_at is 'After this the token no longer works.';
comment on column app_public.invitations.accepted_at is 'When it was accepted; null while pending.';
comment on column app_public.invitations.accepted_by_id is 'The user who accepted it.';
comment on column app_public.invitations.created_at is 'When the invitation was sent.';
comment on column app_public.invitations.updated_at is 'When the invitation last changed.';
create trigger _100_timestamps before insert or update on app_public.invitations
  for each row execute function app_private.tg__timestamps();

create table app_private.invitation_secrets (
  invitation_id uuid primary key references app_public.invitations on delete cascade,
  token_hash bytea not null unique
);
comment on table app_private.invitation_secrets is 'SHA-256 of each invitation''s one-time token.';

alter table app_public.invitations enable row level security;
alter table app_public.invitations force row level security;
grant select, delete on app_public.invitations to app_user;
create policy select_with_permission on app_public.invitations for select to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('users:invite')));
create policy delete_with_permission on app_public.invitations for delete to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('users:invite')));

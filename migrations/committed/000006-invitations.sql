--! Previous: sha1:ae93ae295630cde8e4d443de177e16c669045da9
--! Hash: sha1:bdec2f8f9ac0eaf78d224f21d2791a7da3e7116b
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

--------------------------------------------------------------------------------------------------------
-- Inviting: a one-time token, kept only as its SHA-256; the plain token travels once, in the mail job's
-- payload (graphile_worker's tables are not readable by API roles), and the worker mails it.
create function app_public.invite_to_organization(email text, role_id uuid) returns app_public.invitations
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  org uuid := app_public.current_organization_id();
  token text := encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'hex');
  invitation app_public.invitations;
begin
  if org is null or not app_public.current_user_has_permission('users:invite') then
    raise exception 'Inviting needs the users:invite permission' using errcode = 'RG403';
  end if;
  if not exists (select 1 from app_public.roles r where r.id = $2 and r.organization_id = org) then
    raise exception 'No such role in this organization' using errcode = 'RG404';
  end if;
  insert into app_public.invitations (organization_id, email, role_id, invited_by_id, expires_at)
    values (org, lower(btrim($1)), $2, app_public.current_user_id(), now() + interval '7 days')
    returning * into invitation;
  insert into app_private.invitation_secrets (invitation_id, token_hash) values (invitation.id, sha256(convert_to(token, 'UTF8')));
  perform graphile_worker.add_job(
    identifier := 'send_invitation',
    payload := (
      select json_build_object(
        'invitationId', invitation.id, 'token', token, 'email', invitation.email,
        'organizationName', o.name, 'roleName', r.name, 'invitedByName', u.name, 'expiresAt', invitation.expires_at)
      from app_public.organizations o, app_public.roles r, app_public.users u
      where o.id = org and r.id = invitation.role_id and u.id = invitation.invited_by_id
    ),
    max_attempts := 10
  );
  return invitation;
end;
$$;
grant select, insert on app_public.invitations to rowgate_definer;
grant select, insert on app_private.invitation_secrets to rowgate_definer;
alter function app_public.invite_to_organization(text, uuid) owner to rowgate_definer;
grant execute on function app_public.invite_to_organization(text, uuid) to app_user;
comment on function app_public.invite_to_organization(text, uuid) is 'Invites an e-mail address into the organization named by X-Organization-Id with a role; the invitee receives a one-time token by mail. Needs users:invite.';

-- Accepting: the token must be unused, unexpired, and addressed to the signed-in user's e-mail address
-- (a token that reached someone else is refused like an unknown one).
create function app_public.accept_invitation(token text) returns app_public.organizations
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_public.current_user_id();
  my_email text;
  invitation app_public.invitations;
  organization app_public.organizations;
begin
  if me is null then
    raise exception 'Sign in to accept an invitation' using errcode = 'RG401';
  end if;
  select u.email into my_email from app_public.users u where u.id = me;
  select i.* into invitation
  from app_private.invitation_secrets s
  join app_public.invitations i on i.id = s.invitation_id
  where s.token_hash = sha256(convert_to(coalesce($1, ''), 'UTF8'))
  for update of i;
  if not found or lower(invitation.email) <> lower(my_email) then
    raise exception 'This invitation token is not valid' using errcode = 'RGINV';
  elsif invitation.accepted_at is not null then
    raise exception 'This invitation was already used' using errcode = 'RGUSD';
  elsif invitation.expires_at <= now() then
    raise exception 'This invitation has expired' using errcode = 'RGEXP';
  end if;
  insert into app_public.organization_memberships (organization_id, user_id)
    values (invitation.organization_id, me) on conflict do nothing;
  insert into app_public.user_roles (organization_id, user_id, role_id)
    values (invitation.organization_id, me, invitation.role_id) on conflict do nothing;
  update app_public.invitations set accepted_at = now(), accepted_by_id = me where id = invitation.id;
  select o.* into organization from app_public.organizations o where o.id = invitation.organization_id;
  return organization;
end;
$$;
grant update (accepted_at, accepted_by_id) on app_public.invitations to rowgate_definer;
alter function app_public.accept_invitation(text) owner to rowgate_definer;
-- Anonymous callers may call it too, to be told to sign in (RG401) rather than get a bare permission error.
grant execute on function app_public.accept_invitation(text) to app_anonymous, app_user;
comment on function app_public.accept_invitation(text) is 'Joins the invitation''s organization with its role, using the token from the invitation mail. The invitation must be addressed to your e-mail address.';

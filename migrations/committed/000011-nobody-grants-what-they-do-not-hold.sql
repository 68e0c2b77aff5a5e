--! Previous: sha1:db7eee42627508b6e598d4682fa402bd5139d6dd
--! Hash: sha1:2494955cac2400437be2002f376fca46a25d319c
--! Message: nobody grants what they do not hold; users seen through users:read; system role descriptions fixed

-- Nobody grants what they do not hold (PostgreSQL's GRANT OPTION, Kubernetes RBAC's escalation check).
-- Every path that gives permissions is checked against the permissions of whoever gives them, in the
-- organization they are given in:
--   creating or editing a role    every permission the role ends up with       (roles, BEFORE trigger)
--   assigning a role              every permission of the role                 (user_roles, BEFORE trigger)
--   inviting with a role          every permission of the role                 (invite_to_organization)
--   accepting an invitation       the inviter must still hold users:invite and the role's permissions,
--                                 and only a non-member joins: an existing member's roles never change
--                                 through an invitation                         (accept_invitation)
-- A permission is held directly or through a wildcard that covers it: `tasks:read` by `tasks:read`,
-- `tasks:*` or `*`; `tasks:*` only by `tasks:*` or `*` (holding every tasks: permission one by one does
-- not cover permissions the catalog may add later); `*` only by `*`. Admin (`*`) may do all of it.
-- The triggers run BEFORE the write, so that what the giver holds is judged without the change itself (an
-- AFTER trigger would already count the role just raised or assigned). They judge only writes that RLS
-- would let through, in the caller's organization, by a holder of the table's permission: every other
-- write keeps its own refusal (PERMISSION_DENIED), and another organization's role still looks exactly
-- like a missing one.

-- The permissions in `permissions` that the user does not hold in the organization.
create or replace function app_private.missing_permissions(user_id uuid, organization_id uuid, permissions text[]) returns text[]
language sql stable
set search_path = pg_catalog, pg_temp
as $$
  select coalesce(pg_catalog.array_agg(distinct wanted.permission order by wanted.permission), '{}')
  from pg_catalog.unnest($3) wanted(permission)
  where not exists (
    select 1
    from app_public.user_roles ur
    join app_public.roles r on r.id = ur.role_id and r.organization_id = ur.organization_id
    where ur.user_id = $1
      and ur.organization_id = $2
      and r.permissions operator(pg_catalog.&&) app_private.permission_patterns(wanted.permission)
  )
$$;
comment on function app_private.missing_permissions(uuid, uuid, text[]) is 'The permissions of the list that the user does not hold in the organization, directly or through a wildcard covering them.';
revoke execute on function app_private.missing_permissions(uuid, uuid, text[]) from public;
grant execute on function app_private.missing_permissions(uuid, uuid, text[]) to rowgate_definer;

-- What the signed-in user could not grant in the organization (all of it without an active session).
create or replace function app_public.current_user_missing_permissions(organization_id uuid, permissions text[]) returns text[]
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select coalesce(
    (select app_private.missing_permissions(s.user_id, $1, $2) from app_private.current_session s),
    (select coalesce(pg_catalog.array_agg(distinct p order by p), '{}') from pg_catalog.unnest($2) p)
  )
$$;
alter function app_public.current_user_missing_permissions(uuid, text[]) owner to rowgate_definer;
grant execute on function app_public.current_user_missing_permissions(uuid, text[]) to app_user;
comment on function app_public.current_user_missing_permissions(uuid, text[]) is E'@behavior -*\nThe permissions of the list the signed-in user does not hold in the organization (policy and trigger helper).';

-- Whether the signed-in user holds every permission of a role of the current organization (a missing role
-- is left to the foreign key, which reports it like any missing row).
create or replace function app_public.current_user_can_grant_role(role_id uuid) returns boolean
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select coalesce((
    select app_private.missing_permissions(s.user_id, r.organization_id, r.permissions) = '{}'
    from app_private.current_session s, app_public.roles r
    where r.id = $1 and r.organization_id = nullif(pg_catalog.current_setting('app.current_org_id', true), '')::uuid
  ), true)
$$;
alter function app_public.current_user_can_grant_role(uuid) owner to rowgate_definer;
grant execute on function app_public.current_user_can_grant_role(uuid) to app_user;
comment on function app_public.current_user_can_grant_role(uuid) is E'@behavior -*\nWhether the signed-in user holds every permission of the role, in the organization named by X-Organization-Id; true for no such role, which the foreign key refuses (trigger helper).';

--------------------------------------------------------------------------------------------------------
-- Roles: a role may only be created or edited by someone holding every permission it ends up with, so
-- a holder of roles:write can neither raise a role they hold nor touch a role stronger than themselves.
-- Only API requests are checked: the organization bootstrap (rowgate_definer) creates Admin with `*`.
create or replace function app_private.tg_roles__grant_only_held() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  missing text[];
begin
  if current_user in ('app_user', 'app_anonymous')
    and new.organization_id = app_public.current_organization_id()
    and app_public.current_user_has_permission('roles:write')
  then
    missing := app_public.current_user_missing_permissions(new.organization_id, new.permissions);
    if missing <> '{}' then
      raise exception 'You can only give a role permissions you hold yourself; you do not hold %', array_to_string(missing, ', ')
        using errcode = 'RGESC';
    end if;
  end if;
  return new;
end;
$$;
drop trigger if exists _400_grant_only_held on app_public.roles;
create trigger _400_grant_only_held before insert or update on app_public.roles
  for each row execute function app_private.tg_roles__grant_only_held();

-- Role assignments: the assigner must hold every permission of the role given.
create or replace function app_private.tg_user_roles__grant_only_held() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
  if current_user in ('app_user', 'app_anonymous')
    and new.organization_id = app_public.current_organization_id()
    and app_public.current_user_has_permission('roles:assign')
    and not app_public.current_user_can_grant_role(new.role_id)
  then
    raise exception 'You can only assign a role whose permissions you all hold yourself' using errcode = 'RGESC';
  end if;
  return new;
end;
$$;
drop trigger if exists _400_grant_only_held on app_public.user_roles;
create trigger _400_grant_only_held before insert on app_public.user_roles
  for each row execute function app_private.tg_user_roles__grant_only_held();

--------------------------------------------------------------------------------------------------------
-- Inviting: the inviter must hold every permission of the invited role.
create or replace function app_public.invite_to_organization(email text, role_id uuid) returns app_public.invitations
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  org uuid := app_public.current_organization_id();
  token text := encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'hex');
  role_permissions text[];
  invitation app_public.invitations;
begin
  if org is null or not app_public.current_user_has_permission('users:invite') then
    raise exception 'Inviting needs the users:invite permission' using errcode = 'RG403';
  end if;
  select r.permissions into role_permissions from app_public.roles r where r.id = $2 and r.organization_id = org;
  if not found then
    raise exception 'No such role in this organization' using errcode = 'RG404';
  end if;
  if app_public.current_user_missing_permissions(org, role_permissions) <> '{}' then
    raise exception 'You can only invite with a role whose permissions you all hold yourself' using errcode = 'RGESC';
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
comment on function app_public.invite_to_organization(text, uuid) is 'Invites an e-mail address into the organization named by X-Organization-Id with a role; the invitee receives a one-time token by mail. Needs users:invite and every permission of the role.';

-- Accepting: an invitation admits a newcomer; it never changes an existing member's roles. It is given
-- on the inviter's behalf, so it is only as good as the inviter is now: one who left, lost users:invite
-- or no longer holds every permission of the role (the role may have grown since) voids it.
create or replace function app_public.accept_invitation(token text) returns app_public.organizations
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
  elsif exists (
    select 1 from app_public.organization_memberships m where m.organization_id = invitation.organization_id and m.user_id = me
  ) then
    raise exception 'You are already a member of this organization; an invitation does not change your roles' using errcode = 'RGMEM';
  elsif invitation.invited_by_id is null
    or not app_public.user_has_permission(invitation.invited_by_id, invitation.organization_id, 'users:invite')
    or app_private.missing_permissions(invitation.invited_by_id, invitation.organization_id,
      (select r.permissions from app_public.roles r where r.id = invitation.role_id)) <> '{}'
  then
    raise exception 'This invitation is no longer valid: its sender can no longer give this role' using errcode = 'RGINV';
  end if;
  insert into app_public.organization_memberships (organization_id, user_id) values (invitation.organization_id, me);
  insert into app_public.user_roles (organization_id, user_id, role_id) values (invitation.organization_id, me, invitation.role_id);
  update app_public.invitations set accepted_at = now(), accepted_by_id = me where id = invitation.id;
  select o.* into organization from app_public.organizations o where o.id = invitation.organization_id;
  return organization;
end;
$$;
comment on function app_public.accept_invitation(text) is 'Joins the invitation''s organization with its role, using the token from the invitation mail. The invitation must be addressed to your e-mail address; members of the organization cannot use one.';

--------------------------------------------------------------------------------------------------------
-- System roles are fixed, their description included.
create or replace function app_private.tg_roles__protect_system_roles() returns trigger
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'DELETE' then
    if old.is_system and exists (select 1 from app_public.organizations o where o.id = old.organization_id) then
      raise exception 'System roles cannot be deleted' using errcode = 'RGSYS';
    end if;
    return old;
  end if;
  if old.is_system and (new.name, new.description, new.permissions, new.is_system)
    is distinct from (old.name, old.description, old.permissions, old.is_system) then
    raise exception 'System roles cannot be renamed or changed' using errcode = 'RGSYS';
  end if;
  return new;
end;
$$;

--------------------------------------------------------------------------------------------------------
-- Users: a user always sees themself; other people only through an organization in which the caller
-- holds users:read, the permission that shows its member list (organizationMemberships).
create or replace function app_public.current_user_visible_user_ids() returns setof uuid
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select s.user_id from app_private.current_session s
  union
  select peer.user_id
  from app_private.current_session s
  join app_public.organization_memberships mine on mine.user_id = s.user_id
  join app_public.organization_memberships peer on peer.organization_id = mine.organization_id
  where app_public.user_has_permission(s.user_id, mine.organization_id, 'users:read')
$$;
comment on function app_public.current_user_visible_user_ids() is E'@behavior -*\nIds of the users the signed-in user may see: themself, and the members of organizations where they hold users:read (policy helper).';
comment on table app_public.users is 'A person who can sign in. You see yourself, and the members of the organizations where you hold users:read.';

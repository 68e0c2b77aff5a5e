--! Previous: sha1:03d9b63eb55c9880725698eafcfc7001506e390c
--! Hash: sha1:a059622a819cfd6922cb4a6dbe63338e3f62b7fc
--! Message: invitation budgets

-- Invitation budgets: an invitation is a mail rowgate sends to any address, with text a member wrote (the
-- organization's and role's names, the inviter's), so unbounded it is a mail relay (a red team sent 300
-- in 3 s). inviteToOrganization now refuses, before anything is written or mailed:
--   - more than N invitations an hour from one sender, across all their organizations   RATE_LIMITED
--   - more than N an hour from one organization, whoever sends them                      RATE_LIMITED
--   - more than N a day to one address, from anyone                                      RATE_LIMITED
--   - more than N pending (neither accepted nor expired) in one organization              LIMIT_REACHED
-- Each N is a setting the server passes at connection start (INVITE_MAX_* in server/config.ts), with the
-- defaults below where it passes none. A sender's and an organization's invitations are counted under
-- their advisory locks, so concurrent invitations cannot all see room for one more.

create index if not exists invitations_invited_by_id_idx on app_public.invitations (invited_by_id, created_at);
create index if not exists invitations_email_idx on app_public.invitations (email, created_at);

-- A budget: the setting's value, or the default when the connection set none (or an unusable one).
create or replace function app_private.invitation_budget(setting text, fallback integer) returns integer
language sql stable
set search_path = pg_catalog, pg_temp
as $$
  select case when v ~ '^\d{1,9}$' then v::integer else $2 end
  from (select nullif(pg_catalog.current_setting($1, true), '') as v) s
$$;
comment on function app_private.invitation_budget(text, integer) is 'An invitation budget: the connection''s setting, else the default.';
revoke execute on function app_private.invitation_budget(text, integer) from public;
grant execute on function app_private.invitation_budget(text, integer) to rowgate_definer;

create or replace function app_public.invite_to_organization(email text, role_id uuid) returns app_public.invitations
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  org uuid := app_public.current_organization_id();
  me uuid := app_public.current_user_id();
  address text := lower(btrim($1));
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
  -- The sender first, then the organization: one order, so two inviters never wait on each other.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('invitations by ' || me::text, 0));
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('invitations of ' || org::text, 0));
  if (select count(*) from app_public.invitations i where i.invited_by_id = me and i.created_at > now() - interval '1 hour')
     >= app_private.invitation_budget('rowgate.invite_max_per_sender_per_hour', 20) then
    raise exception 'You have sent as many invitations as an hour allows; try again later' using errcode = 'RG429';
  end if;
  if (select count(*) from app_public.invitations i where i.organization_id = org and i.created_at > now() - interval '1 hour')
     >= app_private.invitation_budget('rowgate.invite_max_per_organization_per_hour', 50) then
    raise exception 'This organization has sent as many invitations as an hour allows; try again later' using errcode = 'RG429';
  end if;
  if (select count(*) from app_public.invitations i where i.email = address and i.created_at > now() - interval '1 day')
     >= app_private.invitation_budget('rowgate.invite_max_per_address_per_day', 5) then
    raise exception 'This address has received as many invitations as a day allows; try again tomorrow' using errcode = 'RG429';
  end if;
  if (select count(*) from app_public.invitations i where i.organization_id = org and i.accepted_at is null and i.expires_at > now())
     >= app_private.invitation_budget('rowgate.invite_max_pending_per_organization', 100) then
    raise exception 'This organization has as many pending invitations as it may; withdraw some first' using errcode = 'RGPND';
  end if;
  insert into app_public.invitations (organization_id, email, role_id, invited_by_id, expires_at)
    values (org, address, $2, me, now() + interval '7 days')
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
comment on function app_public.invite_to_organization(text, uuid) is 'Invites an e-mail address into the organization named by X-Organization-Id with a role; the invitee receives a one-time token by mail. Needs users:invite and every permission of the role; invitations per sender, organization and address are budgeted, and pending ones capped.';

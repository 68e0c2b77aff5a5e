--! Previous: sha1:5fc884ecfc2034d8ace7d1664931629bcd1de51e
--! Hash: sha1:4ca7dc33c58e3e56901c058bdcdf5fe327943e37
--! Message: permission helpers: the same rules on cheaper plans

-- Every policy evaluates current_organization_id() and current_user_has_permission() once per
-- statement, and the realtime check (task_event_readers) once per subscribed session: 1,000 sessions of
-- one organization, 1,000 evaluations of each per check. Two plan shapes made them dearer than their
-- rules: the session joined to the membership made the planner scan both, where the session's user is one
-- key to look the membership up by; and the roles joined to user_roles were scanned as a bitmap over the
-- whole organization for each of the user's roles, where each role is one primary-key lookup (the
-- `offset 0` keeps that lookup from being flattened back into the join). Measured on 1,000 sessions:
-- current_organization_id 13 → 10 µs, current_user_has_permission 30 → 19 µs. The rules are unchanged:
-- an active session (app_private.current_session), membership in the X-Organization-Id organization, a
-- role of that organization granting the permission (app_private.permission_patterns).
create or replace function app_public.current_organization_id() returns uuid
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select m.organization_id
  from app_public.organization_memberships m
  where m.organization_id = nullif(pg_catalog.current_setting('app.current_org_id', true), '')::uuid
    and m.user_id = (select s.user_id from app_private.current_session s)
$$;

-- A user role exists only for a member (its foreign key to organization_memberships), so holding one in
-- the header's organization is also the membership check.
create or replace function app_public.current_user_has_permission(permission text) returns boolean
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select exists (
    select 1
    from app_private.current_session s
    join app_public.user_roles ur on ur.user_id = s.user_id
      and ur.organization_id = nullif(pg_catalog.current_setting('app.current_org_id', true), '')::uuid
    cross join lateral (
      select 1
      from app_public.roles r
      where r.id = ur.role_id and r.organization_id = ur.organization_id
        and r.permissions operator(pg_catalog.&&) app_private.permission_patterns($1)
      offset 0
    ) granting
  )
$$;

--! Previous: sha1:478bd2e65c64b0a8a5d524c00baaecdf83d7752e
--! Hash: sha1:db7eee42627508b6e598d4682fa402bd5139d6dd
--! Message: permission helpers: one statement each

-- Policies evaluate current_organization_id() and current_user_has_permission() once per statement, and
-- every API request pays for them. Each used to call other SECURITY DEFINER helpers (six calls, each
-- with its own search_path switch and executor start); now each is one statement. The rules are the
-- same: an active session (app_private.current_session, the one place that says what "active" means),
-- membership in the X-Organization-Id organization, and a role granting the permission directly or
-- through `*` or `resource:*` (app_private.permission_patterns, the one place for the wildcard rule).

-- A view, not a function, so that the helpers below read it inside their own statement.
create view app_private.current_session with (security_invoker = true) as
  select s.id, s.user_id
  from app_private.sessions s
  where s.id = nullif(pg_catalog.current_setting('jwt.claims.sid', true), '')::uuid
    and s.user_id = nullif(pg_catalog.current_setting('jwt.claims.sub', true), '')::uuid
    and s.revoked_at is null
    and s.expires_at > pg_catalog.now();
comment on view app_private.current_session is 'The session named by the request''s verified claims, while it is active.';
grant select on app_private.current_session to rowgate_definer;

-- Inlined into the statements that use it (plain SQL, immutable, no SET clause).
create function app_private.permission_patterns(permission text) returns text[]
language sql immutable parallel safe
as $$
  select array['*', pg_catalog.split_part(permission, ':', 1) || ':*', permission]
$$;
comment on function app_private.permission_patterns(text) is 'The role permissions that grant `permission`: itself, its resource''s wildcard and `*`.';
revoke execute on function app_private.permission_patterns(text) from public;
grant execute on function app_private.permission_patterns(text) to rowgate_definer;

create or replace function app_public.current_user_id() returns uuid
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select s.user_id from app_private.current_session s
$$;

create or replace function app_public.current_organization_id() returns uuid
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select m.organization_id
  from app_private.current_session s
  join app_public.organization_memberships m on m.user_id = s.user_id
  where m.organization_id = nullif(pg_catalog.current_setting('app.current_org_id', true), '')::uuid
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
    join app_public.roles r on r.id = ur.role_id and r.organization_id = ur.organization_id
    where ur.organization_id = nullif(pg_catalog.current_setting('app.current_org_id', true), '')::uuid
      and r.permissions operator(pg_catalog.&&) app_private.permission_patterns($1)
  )
$$;

create or replace function app_public.user_has_permission(user_id uuid, organization_id uuid, permission text) returns boolean
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select exists (
    select 1
    from app_public.user_roles ur
    join app_public.roles r on r.id = ur.role_id and r.organization_id = ur.organization_id
    where ur.user_id = $1
      and ur.organization_id = $2
      and r.permissions operator(pg_catalog.&&) app_private.permission_patterns($3)
  )
$$;

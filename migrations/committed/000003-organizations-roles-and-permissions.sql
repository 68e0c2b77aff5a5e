--! Previous: sha1:a17743e5db49a3c74b611229d34b2ef1a33a2f1a
--! Hash: sha1:9603621318988ab349cd5f54ef010f2b2ee70657
--! Message: organizations, memberships, roles, permissions and the permission helpers

--------------------------------------------------------------------------------------------------------
-- Permission catalog. Roles hold permission names from here, '*' (everything) or 'resource:*'.
create table app_public.permissions (
  name text primary key check (name ~ '^[a-z_]+:[a-z_]+$'),
  description text not null
);
comment on table app_public.permissions is 'Every permission a role can hold.';
comment on column app_public.permissions.name is 'Permission name, `resource:action`.';
comment on column app_public.permissions.description is 'What the permission allows.';
insert into app_public.permissions (name, description) values
  ('tasks:read', 'See tasks, their dependencies and history'),
  ('tasks:write', 'Create and edit tasks and dependencies'),
  ('tasks:delete', 'Delete tasks and dependencies'),
  ('tasks:assign', 'Set or change a task''s assignee'),
  ('users:read', 'See the organization''s members'),
  ('users:write', 'Edit members'),
  ('users:delete', 'Remove members from the organization'),
  ('users:invite', 'Invite people and see pending invitations'),
  ('teams:read', 'See teams and team members'),
  ('teams:write', 'Create and edit teams'),
  ('teams:delete', 'Delete teams'),
  ('teams:manage_members', 'Add and remove team members'),
  ('roles:read', 'See roles'),
  ('roles:write', 'Create and edit custom roles'),
  ('roles:delete', 'Delete custom roles'),
  ('roles:assign', 'See and change who holds which role'),
  ('organizations:write', 'Edit the organization'),
  ('organizations:delete', 'Delete the organization'),
  ('audit:read', 'Read the audit log');
alter table app_public.permissions enable row level security;
alter table app_public.permissions force row level security;
grant select on app_public.permissions to app_user, rowgate_definer;
create policy select_signed_in on app_public.permissions for select to app_user
  using ((select app_public.current_user_id()) is not null);

--------------------------------------------------------------------------------------------------------
-- Organizations: the tenants. Members see their organizations whatever X-Organization-Id says.
create table app_public.organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 200),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 63),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table app_public.organizations is 'A tenant. Creating one makes you its Admin.';
comment on column app_public.organizations.id is 'The organization''s id; send it as X-Organization-Id.';
comment on column app_public.organizations.name is 'Display name.';
comment on column app_public.organizations.slug is 'URL name: lower-case letters, digits and single dashes; unique across rowgate.';
comment on column app_public.organizations.created_at is 'When the organization was created.';
comment on column app_public.organizations.updated_at is 'When the organization last changed.';
create trigger _100_timestamps before insert or update on app_public.organizations
  for each row execute function app_private.tg__timestamps();

--------------------------------------------------------------------------------------------------------
-- Memberships, roles and role assignments. The organization references of memberships and roles are
-- DEFERRABLE: the creator's membership and the system roles are written by a BEFORE INSERT trigger on
-- organizations, so that INSERT ... RETURNING (createOrganization) already passes the SELECT policy.
create table app_public.organization_memberships (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references app_public.organizations on delete cascade deferrable initially deferred,
  user_id uuid not null references app_public.users on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, user_id)
);
create index organization_memberships_user_id_idx on app_public.organization_memberships (user_id);
comment on table app_public.organization_memberships is 'Who belongs to the organization. Removing a member needs users:delete; the last Admin cannot be removed.';
comment on column app_public.organization_memberships.id is 'The membership''s id.';
comment on column app_public.organization_memberships.organization_id is 'The organization.';
comment on column app_public.organization_memberships.user_id is 'The member.';
comment on column app_public.organization_memberships.created_at is 'When the user joined.';
comment on column app_public.organization_memberships.updated_at is 'When the membership last changed.';
create trigger _100_timestamps before insert or update on app_public.organization_memberships
  for each row execute function app_private.tg__timestamps();

create table app_public.roles (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references app_public.organizations on delete cascade deferrable initially deferred,
  name text not null check (length(btrim(name)) between 1 and 100),
  description text not null default '' check (length(description) <= 1000),
  permissions text[] not null default '{}' check (array_position(permissions, null) is null),
  is_system boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, name),
  unique (id, organization_id)
);
comment on table app_public.roles is 'A named set of permissions in one organization. Admin, Developer and Viewer are system roles: they cannot be deleted, renamed or changed.';
comment on column app_public.roles.id is 'The role''s id.';
comment on column app_public.roles.organization_id is 'The organization; defaults to X-Organization-Id.';
comment on column app_public.roles.name is 'Unique within the organization.';
comment on column app_public.roles.description is 'What the role is for.';
comment on column app_public.roles.permissions is 'Permission names from the catalog, `*` for all, or `resource:*` for all of one resource.';
comment on column app_public.roles.is_system is 'True for the Admin, Developer and Viewer roles every organization has.';
comment on column app_public.roles.created_at is 'When the role was created.';
comment on column app_public.roles.updated_at is 'When the role last changed.';
-- (id, organization_id) exists for composite foreign keys only; it is no lookup for clients.
comment on constraint roles_id_organization_id_key on app_public.roles is '@behavior -*';
create trigger _100_timestamps before insert or update on app_public.roles
  for each row execute function app_private.tg__timestamps();

-- A role can only be given to a member, and only a role of the same organization.
create table app_public.user_roles (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  user_id uuid not null,
  role_id uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, user_id, role_id),
  foreign key (organization_id, user_id) references app_public.organization_memberships (organization_id, user_id) on delete cascade,
  foreign key (role_id, organization_id) references app_public.roles (id, organization_id) on delete cascade
);
create index user_roles_user_id_idx on app_public.user_roles (user_id, organization_id);
create index user_roles_role_id_idx on app_public.user_roles (role_id, organization_id);
comment on table app_public.user_roles is 'Which member holds which role. Needs roles:assign.';
comment on column app_public.user_roles.id is 'The assignment''s id.';
comment on column app_public.user_roles.organization_id is 'The organization; defaults to X-Organization-Id.';
comment on column app_public.user_roles.user_id is 'The member holding the role.';
comment on column app_public.user_roles.role_id is 'The role held.';
comment on column app_public.user_roles.created_at is 'When the role was given.';
comment on column app_public.user_roles.updated_at is 'When the assignment last changed.';
create trigger _100_timestamps before insert or update on app_public.user_roles
  for each row execute function app_private.tg__timestamps();

grant select on app_public.organizations, app_public.organization_memberships, app_public.roles,
  app_public.user_roles to rowgate_definer;
grant insert on app_public.organization_memberships, app_public.roles, app_public.user_roles to rowgate_definer;

--------------------------------------------------------------------------------------------------------
-- Permission helpers. All read tables the caller may not see, so they are SECURITY DEFINER, owned by
-- rowgate_definer (BYPASSRLS) with search_path pinned. Policies call them as (select ...) or
-- `in (select ...)`, which PostgreSQL evaluates once per statement.

-- The organization named by X-Organization-Id (setting app.current_org_id), if the caller is a member.
create function app_public.current_organization_id() returns uuid
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select m.organization_id
  from app_public.organization_memberships m
  where m.organization_id = nullif(pg_catalog.current_setting('app.current_org_id', true), '')::uuid
    and m.user_id = app_public.current_user_id()
$$;
alter function app_public.current_organization_id() owner to rowgate_definer;
grant execute on function app_public.current_organization_id() to app_anonymous, app_user;
comment on function app_public.current_organization_id() is E'@behavior -*\nThe organization chosen by X-Organization-Id when the signed-in user is a member, else null.';

create function app_public.user_has_permission(user_id uuid, organization_id uuid, permission text) returns boolean
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select exists (
    select 1
    from app_public.user_roles ur
    join app_public.roles r on r.id = ur.role_id and r.organization_id = ur.organization_id
    where ur.user_id = $1
      and ur.organization_id = $2
      and r.permissions operator(pg_catalog.&&) array['*', pg_catalog.split_part($3, ':', 1) || ':*', $3]
  )
$$;
-- Not granted to API roles: with free arguments it would tell anyone who holds what in any organization.
-- Policies use current_user_has_permission, which can only ask about the caller.
alter function app_public.user_has_permission(uuid, uuid, text) owner to rowgate_definer;
comment on function app_public.user_has_permission(uuid, uuid, text) is E'@behavior -*\nWhether the user holds the permission in the organization, directly or through `*` or `resource:*`.';

create function app_public.current_user_has_permission(permission text) returns boolean
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select app_public.user_has_permission(app_public.current_user_id(), app_public.current_organization_id(), $1)
$$;
alter function app_public.current_user_has_permission(text) owner to rowgate_definer;
grant execute on function app_public.current_user_has_permission(text) to app_user;
comment on function app_public.current_user_has_permission(text) is E'@behavior -*\nWhether the signed-in user holds the permission in the current organization.';

-- Membership-based helpers for organizations, which are not scoped by the header. VOLATILE on purpose:
-- a volatile function takes a fresh snapshot, so the RETURNING check of createOrganization sees the
-- membership its BEFORE trigger just wrote. It still runs once per statement inside (select ...).
create function app_public.current_user_organization_ids(permission text default null) returns setof uuid
language sql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
  select m.organization_id
  from app_public.organization_memberships m
  where m.user_id = app_public.current_user_id()
    and ($1 is null or app_public.user_has_permission(m.user_id, m.organization_id, $1))
$$;
alter function app_public.current_user_organization_ids(text) owner to rowgate_definer;
grant execute on function app_public.current_user_organization_ids(text) to app_user;
comment on function app_public.current_user_organization_ids(text) is E'@behavior -*\nOrganizations the signed-in user belongs to, optionally only those where they hold a permission.';

create function app_public.current_user_permissions() returns text[]
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select coalesce(pg_catalog.array_agg(p.name order by p.name), '{}')
  from app_public.permissions p
  where app_public.user_has_permission(app_public.current_user_id(), app_public.current_organization_id(), p.name)
$$;
alter function app_public.current_user_permissions() owner to rowgate_definer;
grant execute on function app_public.current_user_permissions() to app_anonymous, app_user;
comment on function app_public.current_user_permissions() is 'Permissions the signed-in user holds in the organization named by X-Organization-Id (wildcards expanded).';

alter table app_public.organization_memberships alter column organization_id set default app_public.current_organization_id();
alter table app_public.roles alter column organization_id set default app_public.current_organization_id();
alter table app_public.user_roles alter column organization_id set default app_public.current_organization_id();

--------------------------------------------------------------------------------------------------------
-- Organizations: rules.
alter table app_public.organizations enable row level security;
alter table app_public.organizations force row level security;
grant select, delete on app_public.organizations to app_user;
grant insert (name, slug), update (name, slug) on app_public.organizations to app_user;
create policy select_member on app_public.organizations for select to app_user
  using (id in (select app_public.current_user_organization_ids()));
create policy insert_signed_in on app_public.organizations for insert to app_user
  with check ((select app_public.current_user_id()) is not null);
create policy update_with_permission on app_public.organizations for update to app_user
  using (id in (select app_public.current_user_organization_ids('organizations:write')))
  with check (id in (select app_public.current_user_organization_ids('organizations:write')));
create policy delete_with_permission on app_public.organizations for delete to app_user
  using (id in (select app_public.current_user_organization_ids('organizations:delete')));

-- Every organization starts with the three system roles, and its creator as an Admin member.
create function app_private.tg_organizations__create_system_roles() returns trigger
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  creator uuid := app_public.current_user_id();
  admin_role uuid;
begin
  insert into app_public.roles (organization_id, name, description, permissions, is_system)
    values (new.id, 'Admin', 'Everything, including billing-level changes and role assignment', '{*}', true)
    returning id into admin_role;
  insert into app_public.roles (organization_id, name, description, permissions, is_system) values
    (new.id, 'Developer', 'Works on tasks; reads teams, members and roles',
      '{tasks:read,tasks:write,tasks:delete,tasks:assign,teams:read,users:read,roles:read}', true),
    (new.id, 'Viewer', 'Reads tasks, teams, members and roles',
      '{tasks:read,teams:read,users:read,roles:read}', true);
  if creator is not null then
    insert into app_public.organization_memberships (organization_id, user_id) values (new.id, creator);
    insert into app_public.user_roles (organization_id, user_id, role_id) values (new.id, creator, admin_role);
  end if;
  return new;
end;
$$;
alter function app_private.tg_organizations__create_system_roles() owner to rowgate_definer;
create trigger _200_create_system_roles before insert on app_public.organizations
  for each row execute function app_private.tg_organizations__create_system_roles();

--------------------------------------------------------------------------------------------------------
-- Memberships: rules. Members join through invitations; removal needs users:delete.
alter table app_public.organization_memberships enable row level security;
alter table app_public.organization_memberships force row level security;
grant select, delete on app_public.organization_memberships to app_user;
create policy select_with_permission on app_public.organization_memberships for select to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('users:read')));
create policy delete_with_permission on app_public.organization_memberships for delete to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('users:delete')));

--------------------------------------------------------------------------------------------------------
-- Roles: rules.
alter table app_public.roles enable row level security;
alter table app_public.roles force row level security;
grant select, delete on app_public.roles to app_user;
grant insert (organization_id, name, description, permissions), update (name, description, permissions)
  on app_public.roles to app_user;
create policy select_with_permission on app_public.roles for select to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('roles:read')));
create policy insert_with_permission on app_public.roles for insert to app_user
  with check (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('roles:write')));
create policy update_with_permission on app_public.roles for update to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('roles:write')))
  with check (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('roles:write')));
create policy delete_with_permission on app_public.roles for delete to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('roles:delete')));

-- Permission names must come from the catalog (or be a wildcard over it).
create function app_private.tg_roles__validate_permissions() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  unknown text;
begin
  select p into unknown
  from unnest(new.permissions) p
  where p <> '*'
    and not exists (
      select 1 from app_public.permissions c
      where c.name = p or (p like '%:*' and split_part(c.name, ':', 1) = split_part(p, ':', 1))
    )
  limit 1;
  if unknown is not null then
    raise exception 'Unknown permission "%"', unknown using errcode = 'RG422';
  end if;
  return new;
end;
$$;
create trigger _200_validate_permissions before insert or update of permissions on app_public.roles
  for each row execute function app_private.tg_roles__validate_permissions();

-- System roles are fixed. They go only when their organization goes (the cascade runs after the
-- organization row is already gone).
create function app_private.tg_roles__protect_system_roles() returns trigger
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
  if old.is_system and (new.name, new.permissions, new.is_system) is distinct from (old.name, old.permissions, old.is_system) then
    raise exception 'System roles cannot be renamed or changed' using errcode = 'RGSYS';
  end if;
  return new;
end;
$$;
alter function app_private.tg_roles__protect_system_roles() owner to rowgate_definer;
create trigger _300_protect_system_roles before update or delete on app_public.roles
  for each row execute function app_private.tg_roles__protect_system_roles();

--------------------------------------------------------------------------------------------------------
-- Role assignments: rules. Everything on user_roles needs roles:assign; assignments are added and
-- removed, never edited.
alter table app_public.user_roles enable row level security;
alter table app_public.user_roles force row level security;
grant select, delete on app_public.user_roles to app_user;
grant insert (organization_id, user_id, role_id) on app_public.user_roles to app_user;
create policy select_with_permission on app_public.user_roles for select to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('roles:assign')));
create policy insert_with_permission on app_public.user_roles for insert to app_user
  with check (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('roles:assign')));
create policy delete_with_permission on app_public.user_roles for delete to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('roles:assign')));

-- The last Admin of an organization cannot lose the role, whether the assignment is deleted directly or
-- through removing the membership. The advisory lock serializes concurrent removals in one organization.
create function app_private.tg_user_roles__keep_an_admin() returns trigger
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform pg_advisory_xact_lock(hashtextextended('rowgate.admins:' || old.organization_id::text, 0));
  if exists (select 1 from app_public.organizations o where o.id = old.organization_id)
    and exists (select 1 from app_public.roles r where r.id = old.role_id and r.is_system and r.name = 'Admin')
    and not exists (
      select 1 from app_public.user_roles ur
      join app_public.roles r on r.id = ur.role_id and r.organization_id = ur.organization_id
      where ur.organization_id = old.organization_id and r.is_system and r.name = 'Admin'
    )
  then
    raise exception 'An organization needs at least one Admin' using errcode = 'RGLAD';
  end if;
  return null;
end;
$$;
alter function app_private.tg_user_roles__keep_an_admin() owner to rowgate_definer;
create trigger _300_keep_an_admin after delete on app_public.user_roles
  for each row execute function app_private.tg_user_roles__keep_an_admin();

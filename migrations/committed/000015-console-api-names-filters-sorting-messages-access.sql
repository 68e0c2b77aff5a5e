--! Previous: sha1:6fcaf6da92dad94ff19c835bb12addca79db8755
--! Hash: sha1:dec78f17fd22e3c0ab6b01c0c032021c1e8bca5b
--! Message: the console API: names, filters, sorting, messages, effective permissions

-- The names a frontend guesses. PostGraphile names relations after their foreign keys, and ours are
-- composite (the row's organization is part of every key, so that nothing can point across
-- organizations): `Task.teamOrganization`, `Task.organizationAssignee` (a membership),
-- `taskDependenciesByDependsOnTaskIdAndOrganizationId`. Smart tags on the constraints give them their
-- plain names; where the composite key leads to a membership but the frontend wants the person, a plain
-- foreign key to users gives `assignee: User` and `user: User` (the composite key still keeps them inside
-- the organization), and the composite relation itself is hidden.

-- Tasks: task.team, team.tasks; task.assignee, user.assignedTasks; task.dependencies (the links this task
-- depends through), task.dependents (the links that depend on it); dependency.task, dependency.dependsOnTask.
comment on constraint tasks_team_id_organization_id_fkey on app_public.tasks is E'@fieldName team\n@foreignFieldName tasks';
alter table app_public.tasks drop constraint if exists tasks_assignee_id_fkey;
alter table app_public.tasks add constraint tasks_assignee_id_fkey foreign key (assignee_id) references app_public.users on delete set null;
comment on constraint tasks_assignee_id_fkey on app_public.tasks is E'@fieldName assignee\n@foreignFieldName assignedTasks';
comment on constraint tasks_organization_id_assignee_id_fkey on app_public.tasks is E'@behavior -*';
comment on constraint tasks_created_by_id_fkey on app_public.tasks is E'@fieldName createdBy\n@foreignFieldName createdTasks';
comment on constraint task_dependencies_task_id_organization_id_fkey on app_public.task_dependencies is E'@fieldName task\n@foreignFieldName dependencies';
comment on constraint task_dependencies_depends_on_task_id_organization_id_fkey on app_public.task_dependencies is E'@fieldName dependsOnTask\n@foreignFieldName dependents';

-- Teams: team.members (its memberships), membership.team, membership.user.
comment on constraint team_memberships_team_id_organization_id_fkey on app_public.team_memberships is E'@fieldName team\n@foreignFieldName members';
alter table app_public.team_memberships drop constraint if exists team_memberships_user_id_fkey;
alter table app_public.team_memberships add constraint team_memberships_user_id_fkey foreign key (user_id) references app_public.users on delete cascade;
comment on constraint team_memberships_user_id_fkey on app_public.team_memberships is E'@fieldName user\n@foreignFieldName teamMemberships';
comment on constraint team_memberships_organization_id_user_id_fkey on app_public.team_memberships is E'@behavior -*';

-- Role assignments: userRole.role, role.userRoles, userRole.user, user.userRoles.
comment on constraint user_roles_role_id_organization_id_fkey on app_public.user_roles is E'@fieldName role\n@foreignFieldName userRoles';
alter table app_public.user_roles drop constraint if exists user_roles_user_id_fkey;
alter table app_public.user_roles add constraint user_roles_user_id_fkey foreign key (user_id) references app_public.users on delete cascade;
comment on constraint user_roles_user_id_fkey on app_public.user_roles is E'@fieldName user\n@foreignFieldName userRoles';
comment on constraint user_roles_organization_id_user_id_fkey on app_public.user_roles is E'@behavior -*';

-- Invitations: invitation.role, role.invitations; invitedBy, acceptedBy.
comment on constraint invitations_role_id_organization_id_fkey on app_public.invitations is E'@fieldName role\n@foreignFieldName invitations';
comment on constraint invitations_invited_by_id_fkey on app_public.invitations is E'@fieldName invitedBy\n@foreignFieldName sentInvitations';
comment on constraint invitations_accepted_by_id_fkey on app_public.invitations is E'@fieldName acceptedBy\n@foreignFieldName acceptedInvitations';

-- Memberships: membership.user, user.organizationMemberships; membership.organization, organization.members.
comment on constraint organization_memberships_user_id_fkey on app_public.organization_memberships is E'@fieldName user\n@foreignFieldName organizationMemberships';
comment on constraint organization_memberships_organization_id_fkey on app_public.organization_memberships is E'@fieldName organization\n@foreignFieldName members';

--------------------------------------------------------------------------------------------------------
-- What a refused value means, for the person who typed it. The server shows a check constraint's comment
-- as the error message, with extensions.field naming the input field (its column, or the `@field` line);
-- see server/graphql/field-errors.ts.
comment on constraint organizations_name_check on app_public.organizations is 'A name has 1 to 200 characters and is not blank.';
comment on constraint organizations_slug_check on app_public.organizations is 'A slug is lower-case letters and digits in groups joined by single dashes, at most 63 characters (like "acme-labs").';
comment on constraint users_name_check on app_public.users is 'A name has 1 to 200 characters and is not blank.';
comment on constraint users_email_check on app_public.users is 'This is not an e-mail address.';
comment on constraint roles_name_check on app_public.roles is 'A role name has 1 to 100 characters and is not blank.';
comment on constraint roles_description_check on app_public.roles is 'A description has at most 1,000 characters.';
comment on constraint roles_permissions_check on app_public.roles is 'Permissions are names from the catalog; none may be null.';
comment on constraint teams_name_check on app_public.teams is 'A team name has 1 to 100 characters and is not blank.';
comment on constraint teams_description_check on app_public.teams is 'A description has at most 1,000 characters.';
comment on constraint tasks_title_check on app_public.tasks is 'A title has 1 to 500 characters and is not blank.';
comment on constraint tasks_description_check on app_public.tasks is 'A description has at most 20,000 characters.';
comment on constraint tasks_metadata_check on app_public.tasks is 'Metadata is a JSON object of at most 64 KiB.';
comment on constraint task_dependencies_check on app_public.task_dependencies is E'@field dependsOnTaskId\nA task cannot depend on itself.';
comment on constraint invitations_email_check on app_public.invitations is 'This is not an e-mail address.';

--------------------------------------------------------------------------------------------------------
-- Filters (postgraphile-plugin-connection-filter; server/graphql/preset.ts offers comparisons, `in`,
-- `isNull` and `includesInsensitive`). Only these tables take `filter:`, and only on their indexed columns
-- plus the ones tagged here: each stays inside the organization's own rows (RLS and the organization_id
-- index bound every query), and no unbounded text (descriptions, metadata, details) is searched.
comment on table app_public.tasks is E'@behavior +filter\nA unit of work in an organization. Reading needs tasks:read, writing tasks:write, deleting tasks:delete; setting or changing the assignee also needs tasks:assign.';
comment on column app_public.tasks.title is E'@behavior +attribute:filterBy +attribute:orderBy\nShort summary, 1 to 500 characters.';
comment on column app_public.tasks.priority is E'@behavior +attribute:filterBy +attribute:orderBy\nHow urgent the task is.';
comment on column app_public.tasks.status is E'@behavior +attribute:orderBy\nWhere the task stands; COMPLETED sets completedAt.';
comment on column app_public.tasks.updated_at is E'@behavior +attribute:orderBy\nWhen the task last changed.';
comment on table app_public.teams is E'@behavior +filter\nA group of members inside one organization.';
comment on table app_public.organization_memberships is E'@behavior +filter\nWho belongs to the organization. Removing a member needs users:delete; the last Admin cannot be removed.';
-- audit_logs.actor_id has no foreign key on purpose (an entry outlives its actor); the virtual one gives
-- `auditLog.actor`, a user the caller may see by the users rules, or null.
comment on table app_public.audit_logs is E'@behavior -insert -update -delete +filter\n@foreignKey (actor_id) references app_public.users (id)|@fieldName actor|@foreignFieldName auditLogs\nWho changed what, one row per change. Needs audit:read; written only by the worker.';
comment on column app_public.audit_logs.action is E'@behavior +attribute:filterBy\nWhat happened, like `task.created`.';
comment on column app_public.audit_logs.actor_id is E'@behavior +attribute:filterBy\nWho made the change; null for system changes.';

--------------------------------------------------------------------------------------------------------
-- Sorting the task list by what people sort by. Each sort is an index scan inside the organization, with
-- the primary key as the tie-break PostGraphile adds for cursors; the status index replaces the one of
-- 000005, which it covers.
create index if not exists tasks_organization_id_priority_id_idx on app_public.tasks (organization_id, priority, id);
create index if not exists tasks_organization_id_status_id_idx on app_public.tasks (organization_id, status, id);
create index if not exists tasks_organization_id_title_id_idx on app_public.tasks (organization_id, title, id);
create index if not exists tasks_organization_id_updated_at_id_idx on app_public.tasks (organization_id, updated_at, id);
drop index if exists app_public.tasks_status_idx;

--------------------------------------------------------------------------------------------------------
-- The console's access page: each member's effective permissions, by the very rule the policies use
-- (user_has_permission over the catalog, wildcards expanded). It says what role assignments say, so it is
-- shown to those who may see role assignments (roles:assign, as user_roles), and only for members of the
-- X-Organization-Id organization; anyone else gets null.
create or replace function app_public.organization_memberships_effective_permissions(membership app_public.organization_memberships)
returns text[]
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select case
    when membership.organization_id = app_public.current_organization_id()
      and app_public.current_user_has_permission('roles:assign')
    then (
      select coalesce(pg_catalog.array_agg(p.name order by p.name), '{}')
      from app_public.permissions p
      where app_public.user_has_permission(membership.user_id, membership.organization_id, p.name)
    )
  end
$$;
alter function app_public.organization_memberships_effective_permissions(app_public.organization_memberships) owner to rowgate_definer;
revoke execute on function app_public.organization_memberships_effective_permissions(app_public.organization_memberships) from public;
grant execute on function app_public.organization_memberships_effective_permissions(app_public.organization_memberships) to app_user;
comment on function app_public.organization_memberships_effective_permissions(app_public.organization_memberships) is
  'Every permission the member holds here, wildcards expanded, by the rules the policies use. Needs roles:assign; null otherwise.';

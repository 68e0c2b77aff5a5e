--! Previous: sha1:2f598022ccec83e4fe83bbd399a7b1cc54d0717a
--! Hash: sha1:ae93ae295630cde8e4d443de177e16c669045da9
--! Message: tasks, task dependencies and task history

create type app_public.task_status as enum ('PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED');
comment on type app_public.task_status is 'Where a task stands.';
create type app_public.task_priority as enum ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');
comment on type app_public.task_priority is 'How urgent a task is.';

-- The assignee must be a member and the team a team of the same organization; both are cleared (not the
-- task deleted) when they go away.
create table app_public.tasks (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null default app_public.current_organization_id()
    references app_public.organizations on delete cascade,
  title text not null check (length(btrim(title)) between 1 and 500),
  description text not null default '' check (length(description) <= 20000),
  status app_public.task_status not null default 'PENDING',
  priority app_public.task_priority not null default 'MEDIUM',
  assignee_id uuid,
  team_id uuid,
  metadata jsonb not null default '{}' check (jsonb_typeof(metadata) = 'object' and pg_column_size(metadata) <= 65536),
  created_by_id uuid default app_public.current_user_id() references app_public.users on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz,
  unique (id, organization_id),
  foreign key (organization_id, assignee_id) references app_public.organization_memberships (organization_id, user_id)
    on delete set null (assignee_id),
  foreign key (team_id, organization_id) references app_public.teams (id, organization_id)
    on delete set null (team_id)
);
create index tasks_organization_id_idx on app_public.tasks (organization_id, created_at);
create index tasks_assignee_id_idx on app_public.tasks (organization_id, assignee_id);
create index tasks_team_id_idx on app_public.tasks (team_id, organization_id);
create index tasks_status_idx on app_public.tasks (organization_id, status);
create index tasks_created_by_id_idx on app_public.tasks (created_by_id);
comment on table app_public.tasks is 'A unit of work in an organization. Reading needs tasks:read, writing tasks:write, deleting tasks:delete; setting or changing the assignee also needs tasks:assign.';
comment on column app_public.tasks.id is 'The task''s id.';
comment on column app_public.tasks.organization_id is 'The organization; defaults to X-Organization-Id.';
comment on column app_public.tasks.title is 'Short summary, 1 to 500 characters.';
comment on column app_public.tasks.description is 'Longer text.';
comment on column app_public.tasks.status is 'Where the task stands; COMPLETED sets completedAt.';
comment on column app_public.tasks.priority is 'How urgent the task is.';
comment on column app_public.tasks.assignee_id is 'The member working on it; changing it needs tasks:assign.';
comment on column app_public.tasks.team_id is 'The team owning it.';
comment on column app_public.tasks.metadata is 'Free-form JSON object (at most 64 KiB).';
comment on column app_public.tasks.created_by_id is 'Who created the task; set by the server.';
comment on column app_public.tasks.created_at is 'When the task was created.';
comment on column app_public.tasks.updated_at is 'When the task last changed.';
comment on column app_public.tasks.completed_at is 'When the task became COMPLETED; null otherwise.';
-- (id, organization_id) exists for composite foreign keys only; it is no lookup for clients.
comment on constraint tasks_id_organization_id_key on app_public.tasks is '@behavior -*';
create trigger _100_timestamps before insert or update on app_public.tasks
  for each row execute function app_private.tg__timestamps();

create function app_private.tg_tasks__completed_at() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
  if new.status <> 'COMPLETED' then
    new.completed_at := null;
  elsif tg_op = 'INSERT' or old.status <> 'COMPLETED' then
    new.completed_at := now();
  else
    new.completed_at := old.completed_at;
  end if;
  return new;
end;
$$;
create trigger _200_completed_at before insert or update on app_public.tasks
  for each row execute function app_private.tg_tasks__completed_at();

-- Choosing who works on a task is a permission of its own. The rule governs API requests; seeds and
-- migrations (running as the owner or superuser) are not requests.
create function app_private.tg_tasks__check_assign_permission() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
  if current_user in ('app_user', 'app_anonymous')
    and new.assignee_id is distinct from (case when tg_op = 'UPDATE' then old.assignee_id end)
    and not app_public.current_user_has_permission('tasks:assign')
  then
    raise exception 'Setting the assignee needs the tasks:assign permission' using errcode = 'RG403';
  end if;
  return new;
end;
$$;
create trigger _300_check_assign_permission before insert or update of assignee_id on app_public.tasks
  for each row execute function app_private.tg_tasks__check_assign_permission();

alter table app_public.tasks enable row level security;
alter table app_public.tasks force row level security;
grant select, delete on app_public.tasks to app_user;
grant insert (organization_id, title, description, status, priority, assignee_id, team_id, metadata),
  update (title, description, status, priority, assignee_id, team_id, metadata) on app_public.tasks to app_user;
create policy select_with_permission on app_public.tasks for select to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('tasks:read')));
create policy insert_with_permission on app_public.tasks for insert to app_user
  with check (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('tasks:write')));
create policy update_with_permission on app_public.tasks for update to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('tasks:write')))
  with check (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('tasks:write')));
create policy delete_with_permission on app_public.tasks for delete to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('tasks:delete')));

--------------------------------------------------------------------------------------------------------
create type app_public.task_dependency_type as enum ('BLOCKS', 'RELATES_TO');
comment on type app_public.task_dependency_type is 'BLOCKS: the task cannot finish before the other one; RELATES_TO: a plain link.';

create table app_public.task_dependencies (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null default app_public.current_organization_id(),
  task_id uuid not null,
  depends_on_task_id uuid not null,
  type app_public.task_dependency_type not null default 'BLOCKS',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, task_id, depends_on_task_id),
  check (task_id <> depends_on_task_id),
  foreign key (task_id, organization_id) references app_public.tasks (id, organization_id) on delete cascade,
  foreign key (depends_on_task_id, organization_id) references app_public.tasks (id, organization_id) on delete cascade
);
create index task_dependencies_task_id_idx on app_public.task_dependencies (task_id, organization_id);
create index task_dependencies_depends_on_task_id_idx on app_public.task_dependencies (depends_on_task_id, organization_id);
comment on table app_public.task_dependencies is 'A link between two tasks of one organization. BLOCKS links may not form a cycle. Same permissions as tasks.';
comment on column app_public.task_dependencies.id is 'The dependency''s id.';
comment on column app_public.task_dependencies.organization_id is 'The organization; defaults to X-Organization-Id.';
comment on column app_public.task_dependencies.task_id is 'The dependent task.';
comment on column app_public.task_dependencies.depends_on_task_id is 'The task it depends on (for BLOCKS: the one that must finish first).';
comment on column app_public.task_dependencies.type is 'Kind of link.';
comment on column app_public.task_dependencies.created_at is 'When the link was made.';
comment on column app_public.task_dependencies.updated_at is 'When the link last changed.';
create trigger _100_timestamps before insert or update on app_public.task_dependencies
  for each row execute function app_private.tg__timestamps();

-- Refuse a BLOCKS edge that closes a cycle. An AFTER trigger, so that RLS, check and foreign-key rules
-- have already refused rows of other organizations (a BEFORE trigger would answer for them, an oracle).
-- SECURITY DEFINER so the walk sees every edge of the organization whatever the caller may read; the
-- advisory lock stops two concurrent inserts from closing a cycle together.
create function app_private.tg_task_dependencies__refuse_cycles() returns trigger
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if new.type <> 'BLOCKS' then
    return null;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('rowgate.task_dependencies:' || new.organization_id::text, 0));
  if exists (
    with recursive upstream (task_id) as (
      select new.depends_on_task_id
      union
      select d.depends_on_task_id
      from app_public.task_dependencies d
      join upstream u on d.task_id = u.task_id
      where d.organization_id = new.organization_id and d.type = 'BLOCKS' and d.id <> new.id
    )
    select 1 from upstream where task_id = new.task_id
  ) then
    raise exception 'This dependency would make a BLOCKS cycle' using errcode = 'RGCYC';
  end if;
  return null;
end;
$$;
grant select on app_public.task_dependencies to rowgate_definer;
alter function app_private.tg_task_dependencies__refuse_cycles() owner to rowgate_definer;
create trigger _200_refuse_cycles after insert or update on app_public.task_dependencies
  for each row execute function app_private.tg_task_dependencies__refuse_cycles();

alter table app_public.task_dependencies enable row level security;
alter table app_public.task_dependencies force row level security;
grant select, delete on app_public.task_dependencies to app_user;
grant insert (organization_id, task_id, depends_on_task_id, type), update (type) on app_public.task_dependencies to app_user;
create policy select_with_permission on app_public.task_dependencies for select to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('tasks:read')));
create policy insert_with_permission on app_public.task_dependencies for insert to app_user
  with check (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('tasks:write')));
create policy update_with_permission on app_public.task_dependencies for update to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('tasks:write')))
  with check (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('tasks:write')));
create policy delete_with_permission on app_public.task_dependencies for delete to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('tasks:delete')));

--------------------------------------------------------------------------------------------------------
-- Task history is written by the worker from audit events; it outlives the task, so task_id is no
-- foreign key. Nobody may change it through the API.
create table app_public.task_histories (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  task_id uuid not null,
  event_key text not null unique,
  action text not null,
  actor_id uuid,
  changes jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index task_histories_task_id_idx on app_public.task_histories (organization_id, task_id, created_at);
comment on table app_public.task_histories is E'@behavior -insert -update -delete\nWhat happened to a task, one row per change. Needs tasks:read; written only by the worker.';
comment on column app_public.task_histories.id is 'The entry''s id.';
comment on column app_public.task_histories.organization_id is 'The organization.';
comment on column app_public.task_histories.task_id is 'The task (which may since have been deleted).';
comment on column app_public.task_histories.event_key is 'Identifies the change; makes retried jobs harmless.';
comment on column app_public.task_histories.action is '`task.created`, `task.updated` or `task.deleted`.';
comment on column app_public.task_histories.actor_id is 'Who made the change; null for system changes.';
comment on column app_public.task_histories.changes is 'The changed fields with their new values.';
comment on column app_public.task_histories.created_at is 'When the change was recorded.';

alter table app_public.task_histories enable row level security;
alter table app_public.task_histories force row level security;
grant select on app_public.task_histories to app_user;
grant select, insert on app_public.task_histories to rowgate_worker;
create policy select_with_permission on app_public.task_histories for select to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('tasks:read')));
create policy select_worker on app_public.task_histories for select to rowgate_worker using (true);
create policy insert_worker on app_public.task_histories for insert to rowgate_worker with check (true);

--! Previous: sha1:39d2b6aa6e6916b4f20228b3ab619d347b5d8589
--! Hash: sha1:132909fee541410c6b3324600e8e27584cfadfde
--! Message: derived data follows its task's policy

-- Rows derived from a task follow the task's own visibility, whatever policy a DBA gives `tasks`.
-- Until now task_histories and task_dependencies checked only tasks:read in the organization, so a
-- row-level rule added to tasks (the README's private tasks) was bypassed through them: another member
-- read a private task's title in its history. Each policy below reads `tasks` in a subquery, which runs
-- under the caller's own RLS, so it applies the task's real policies, present and future.

-- A history row is readable exactly when its task is. A deleted task's history is readable by nobody
-- through the API (nobody can read the task any more; the audit log keeps the record for audit:read).
drop policy if exists select_with_permission on app_public.task_histories;
create policy select_with_permission on app_public.task_histories for select to app_user
  using (organization_id = (select app_public.current_organization_id())
    and exists (select 1 from app_public.tasks t where t.id = task_histories.task_id and t.organization_id = task_histories.organization_id));
comment on table app_public.task_histories is E'@behavior -insert -update -delete\nWhat happened to a task, one row per change. Readable exactly when the task is (under its own policies); a deleted task''s history is not. Written only by the worker.';

-- A dependency shows two tasks' ids and their link: readable, changed and removed only by whom may read
-- both tasks. Made only between tasks its maker may read: a link to a task the maker cannot read fails
-- exactly like one to a task that does not exist (the foreign keys, which see every row, would otherwise
-- confirm that the id exists), by the trigger below.
drop policy if exists select_with_permission on app_public.task_dependencies;
create policy select_with_permission on app_public.task_dependencies for select to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('tasks:read'))
    and exists (select 1 from app_public.tasks t where t.id = task_dependencies.task_id and t.organization_id = task_dependencies.organization_id)
    and exists (select 1 from app_public.tasks t where t.id = task_dependencies.depends_on_task_id and t.organization_id = task_dependencies.organization_id));

-- Security invoker: `tasks` is read under the maker's RLS. Before the row is checked against the policies
-- (an INSERT … RETURNING must also pass the select policy, which would refuse it as PERMISSION_DENIED:
-- another answer than for an id that exists nowhere) and before the cycle check (which sees every edge,
-- so it never answers for an unreadable task). Callers the policies refuse anyway are left to them.
create or replace function app_private.tg_task_dependencies__refuse_unreadable() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  ends constant text[][] := array[array['task_id', new.task_id::text], array['depends_on_task_id', new.depends_on_task_id::text]];
  i integer;
begin
  if new.organization_id is distinct from app_public.current_organization_id() or not app_public.current_user_has_permission('tasks:write') then
    return new;
  end if;
  for i in 1 .. 2 loop
    if not exists (select 1 from app_public.tasks t where t.id = ends[i][2]::uuid and t.organization_id = new.organization_id) then
      raise exception 'insert or update on table "task_dependencies" violates foreign key constraint "%"', 'task_dependencies_' || ends[i][1] || '_organization_id_fkey'
        using errcode = 'foreign_key_violation',
          detail = format('Key (%s, organization_id)=(%s, %s) is not present in table "tasks".', ends[i][1], ends[i][2], new.organization_id),
          constraint = 'task_dependencies_' || ends[i][1] || '_organization_id_fkey',
          table = 'task_dependencies',
          schema = 'app_public';
    end if;
  end loop;
  return new;
end;
$$;
revoke execute on function app_private.tg_task_dependencies__refuse_unreadable() from public;
comment on function app_private.tg_task_dependencies__refuse_unreadable() is 'Refuses a dependency on a task its maker cannot read, as the foreign key refuses one on a task that does not exist.';
drop trigger if exists _050_refuse_unreadable on app_public.task_dependencies;
create trigger _050_refuse_unreadable before insert on app_public.task_dependencies
  for each row execute function app_private.tg_task_dependencies__refuse_unreadable();

drop policy if exists update_with_permission on app_public.task_dependencies;
create policy update_with_permission on app_public.task_dependencies for update to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('tasks:write'))
    and exists (select 1 from app_public.tasks t where t.id = task_dependencies.task_id and t.organization_id = task_dependencies.organization_id)
    and exists (select 1 from app_public.tasks t where t.id = task_dependencies.depends_on_task_id and t.organization_id = task_dependencies.organization_id))
  with check (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('tasks:write')));
drop policy if exists delete_with_permission on app_public.task_dependencies;
create policy delete_with_permission on app_public.task_dependencies for delete to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('tasks:delete'))
    and exists (select 1 from app_public.tasks t where t.id = task_dependencies.task_id and t.organization_id = task_dependencies.organization_id)
    and exists (select 1 from app_public.tasks t where t.id = task_dependencies.depends_on_task_id and t.organization_id = task_dependencies.organization_id));
comment on table app_public.task_dependencies is 'A link between two tasks of one organization, visible to whom may read both tasks. BLOCKS links may not form a cycle.';

-- Realtime's DELETED: the row is gone when a subscriber's check runs, so its last version is kept a
-- while (an hour) and the subscriber's check applies the tasks table's own select policies to it.
create table if not exists app_private.deleted_tasks (
  id uuid primary key,
  organization_id uuid not null,
  task jsonb not null,
  deleted_at timestamptz not null default now()
);
create index if not exists deleted_tasks_deleted_at_idx on app_private.deleted_tasks (deleted_at);
comment on table app_private.deleted_tasks is 'The last version of each task deleted within the hour, for realtime''s DELETED visibility check.';
grant select, insert, update, delete on app_private.deleted_tasks to rowgate_definer;

create or replace function app_private.tg_tasks__keep_deleted() returns trigger
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  delete from app_private.deleted_tasks where deleted_at < now() - interval '1 hour';
  insert into app_private.deleted_tasks (id, organization_id, task) values (old.id, old.organization_id, to_jsonb(old))
    on conflict (id) do update set task = excluded.task, deleted_at = excluded.deleted_at;
  return null;
end;
$$;
alter function app_private.tg_tasks__keep_deleted() owner to rowgate_definer;
revoke execute on function app_private.tg_tasks__keep_deleted() from public;
comment on function app_private.tg_tasks__keep_deleted() is 'Keeps a deleted task''s last version for an hour (realtime''s DELETED check).';
drop trigger if exists _600_keep_deleted on app_public.tasks;
create trigger _600_keep_deleted after delete on app_public.tasks
  for each row execute function app_private.tg_tasks__keep_deleted();

-- The deleted row, to a caller who may read tasks in its organization; nothing to anyone else.
create or replace function app_public.deleted_task(task_id uuid) returns jsonb
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select d.task from app_private.deleted_tasks d
  where d.id = task_id and d.organization_id = app_public.current_organization_id()
    and app_public.current_user_has_permission('tasks:read')
$$;
alter function app_public.deleted_task(uuid) owner to rowgate_definer;
revoke execute on function app_public.deleted_task(uuid) from public;
grant execute on function app_public.deleted_task(uuid) to app_user;
comment on function app_public.deleted_task(uuid) is E'@behavior -*\nA task deleted within the hour, as it was, if the caller may read tasks in its organization (deleted_task_visible''s helper).';

-- Whether the tasks table's select policies for app_user (permissive ones or'ed, restrictive ones and'ed,
-- as PostgreSQL combines them), applied to the deleted row, let the caller read it. Security invoker: the
-- policies' helpers and subqueries see the caller, as they would have seen the row.
create or replace function app_public.deleted_task_visible(task_id uuid) returns boolean
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
  deleted jsonb := app_public.deleted_task(task_id);
  permissive text;
  restrictive text;
  visible boolean;
begin
  if deleted is null then
    return false;
  end if;
  select string_agg('(' || pg_get_expr(p.polqual, p.polrelid) || ')', ' or ') filter (where p.polpermissive),
         string_agg('(' || pg_get_expr(p.polqual, p.polrelid) || ')', ' and ') filter (where not p.polpermissive)
    into permissive, restrictive
  from pg_policy p
  where p.polrelid = 'app_public.tasks'::regclass and p.polcmd in ('r', '*') and p.polqual is not null
    and (p.polroles && array[0::oid, 'app_user'::regrole::oid]);
  if permissive is null then
    return false;
  end if;
  execute format('select exists (select 1 from jsonb_populate_record(null::app_public.tasks, $1) as tasks where (%s) and (%s))',
    permissive, coalesce(restrictive, 'true'))
    into visible using deleted;
  return visible;
end;
$$;
revoke execute on function app_public.deleted_task_visible(uuid) from public;
grant execute on function app_public.deleted_task_visible(uuid) to app_user;
comment on function app_public.deleted_task_visible(uuid) is E'@behavior -*\nWhether the caller could read the task, deleted within the hour, as it was: the tasks table''s own select policies applied to its last version (realtime''s DELETED check).';

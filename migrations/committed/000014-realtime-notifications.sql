--! Previous: sha1:c2229333a9b09b9a4b53e097d720019ae975e587
--! Hash: sha1:6fcaf6da92dad94ff19c835bb12addca79db8755
--! Message: realtime notifications

-- Realtime (GraphQL subscriptions over WebSocket). The server LISTENs on three channels and learns from
-- them, at commit, what its subscribers may need to hear. Payloads carry ids only (NOTIFY's 8,000-byte
-- limit; and a payload is no place for data RLS guards): the server fetches each task, per subscriber,
-- under that subscriber's own settings.
--   rowgate_task_events   {"o": organization, "e": CREATED|UPDATED|DELETED, "i": task id}
--   rowgate_sessions      {"s": session}: the session was revoked (logout, refresh-token reuse)
--   rowgate_access        {"o": organization, "u": user or null}: who may read that organization's tasks may
--                         have changed (a member removed, a role given or taken, a role's permissions edited,
--                         the organization deleted); null means anyone in it
-- NOTIFY is transactional: a rolled-back change notifies nobody, and listeners receive notifications in
-- commit order.

create or replace function app_private.tg_tasks__notify() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  task app_public.tasks := case when tg_op = 'DELETE' then old else new end;
begin
  perform pg_notify('rowgate_task_events', json_build_object(
    'o', task.organization_id,
    'e', case tg_op when 'INSERT' then 'CREATED' when 'UPDATE' then 'UPDATED' else 'DELETED' end,
    'i', task.id)::text);
  return null;
end;
$$;
comment on function app_private.tg_tasks__notify() is 'Tells realtime listeners that a task changed (ids only).';
drop trigger if exists _600_notify on app_public.tasks;
create trigger _600_notify after insert or update or delete on app_public.tasks
  for each row execute function app_private.tg_tasks__notify();

create or replace function app_private.tg_sessions__notify_revoked() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
  perform pg_notify('rowgate_sessions', json_build_object('s', new.id)::text);
  return null;
end;
$$;
comment on function app_private.tg_sessions__notify_revoked() is 'Tells realtime listeners that a session ended.';
drop trigger if exists _600_notify_revoked on app_private.sessions;
create trigger _600_notify_revoked after update of revoked_at on app_private.sessions
  for each row when (old.revoked_at is null and new.revoked_at is not null)
  execute function app_private.tg_sessions__notify_revoked();

-- Shared by the tables that decide who reads an organization's tasks; the argument says whose access
-- the row is about: `user` (the row's user_id) or `everyone`.
create or replace function app_private.tg__notify_access() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  row_data jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
begin
  perform pg_notify('rowgate_access', json_build_object(
    'o', case when tg_table_name = 'organizations' then row_data ->> 'id' else row_data ->> 'organization_id' end,
    'u', case when tg_argv[0] = 'user' then row_data ->> 'user_id' end)::text);
  return null;
end;
$$;
comment on function app_private.tg__notify_access() is 'Tells realtime listeners whose access to an organization may have changed.';
drop trigger if exists _600_notify_access on app_public.organization_memberships;
create trigger _600_notify_access after delete on app_public.organization_memberships
  for each row execute function app_private.tg__notify_access('user');
drop trigger if exists _600_notify_access on app_public.user_roles;
create trigger _600_notify_access after insert or delete on app_public.user_roles
  for each row execute function app_private.tg__notify_access('user');
drop trigger if exists _600_notify_access on app_public.roles;
create trigger _600_notify_access after update of permissions or delete on app_public.roles
  for each row execute function app_private.tg__notify_access('everyone');
drop trigger if exists _600_notify_access on app_public.organizations;
create trigger _600_notify_access after delete on app_public.organizations
  for each row execute function app_private.tg__notify_access('everyone');

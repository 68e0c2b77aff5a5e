--! Previous: sha1:bdec2f8f9ac0eaf78d224f21d2791a7da3e7116b
--! Hash: sha1:c8d16dc321f326f64e6fa51c6071703a8f819f91
--! Message: audit logs

-- One row per committed change of an audited table, written only by the worker. Rows of an organization
-- form a hash chain (seq, prev_hash, hash) so that a later edit or deletion is detectable. The
-- organization is no foreign key: the log of a deleted organization is kept.
create table app_public.audit_logs (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  seq bigint not null check (seq > 0),
  event_key text not null unique,
  action text not null,
  resource_type text not null,
  resource_id uuid not null,
  actor_id uuid,
  details jsonb not null default '{}',
  request_id text,
  ip inet,
  user_agent text,
  prev_hash text,
  hash text not null,
  created_at timestamptz not null default now(),
  unique (organization_id, seq)
);
create index audit_logs_resource_idx on app_public.audit_logs (organization_id, resource_type, resource_id);
create index audit_logs_created_at_idx on app_public.audit_logs (organization_id, created_at);
comment on table app_public.audit_logs is E'@behavior -insert -update -delete\nWho changed what, one row per change. Needs audit:read; written only by the worker.';
comment on column app_public.audit_logs.id is 'The entry''s id.';
comment on column app_public.audit_logs.organization_id is 'The organization.';
comment on column app_public.audit_logs.seq is 'Position in the organization''s chain, from 1.';
comment on column app_public.audit_logs.event_key is 'Identifies the change; makes retried jobs harmless.';
comment on column app_public.audit_logs.action is 'What happened, like `task.created`.';
comment on column app_public.audit_logs.resource_type is 'Kind of record changed, like `task`.';
comment on column app_public.audit_logs.resource_id is 'Id of the record changed.';
comment on column app_public.audit_logs.actor_id is 'Who made the change; null for system changes.';
comment on column app_public.audit_logs.details is 'The changed fields.';
comment on column app_public.audit_logs.request_id is 'The request that made the change.';
comment on column app_public.audit_logs.ip is 'Client address of that request.';
comment on column app_public.audit_logs.user_agent is 'User agent of that request.';
comment on column app_public.audit_logs.prev_hash is 'hash of the previous entry; null for the first.';
comment on column app_public.audit_logs.hash is 'SHA-256 over this entry and prev_hash.';
comment on column app_public.audit_logs.created_at is 'When the entry was written.';

alter table app_public.audit_logs enable row level security;
alter table app_public.audit_logs force row level security;
grant select on app_public.audit_logs to app_user;
grant select, insert on app_public.audit_logs to rowgate_worker;
create policy select_with_permission on app_public.audit_logs for select to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('audit:read')));
create policy select_worker on app_public.audit_logs for select to rowgate_worker using (true);
create policy insert_worker on app_public.audit_logs for insert to rowgate_worker with check (true);

--------------------------------------------------------------------------------------------------------
-- The chain. An entry's hash covers its fields (canonical: a jsonb array, timestamps in UTC) and the
-- previous entry's hash, so editing, removing or reordering rows breaks every later link.
create function app_public.audit_log_hash(entry app_public.audit_logs) returns text
language sql immutable
set search_path = pg_catalog, pg_temp
as $$
  select encode(sha256(convert_to(jsonb_build_array(
    $1.seq, $1.organization_id, $1.event_key, $1.action, $1.resource_type, $1.resource_id, $1.actor_id,
    $1.details, $1.request_id, $1.ip::text, $1.user_agent,
    to_char($1.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), $1.prev_hash
  )::text, 'UTF8')), 'hex')
$$;
grant execute on function app_public.audit_log_hash(app_public.audit_logs) to app_user, rowgate_worker;
comment on function app_public.audit_log_hash(app_public.audit_logs) is E'@behavior -*\nSHA-256 over an audit entry''s fields and the previous entry''s hash.';

create type app_public.audit_chain_status as (ok boolean, checked bigint, broken_seq bigint);
comment on type app_public.audit_chain_status is 'Result of verifyAuditChain.';
comment on column app_public.audit_chain_status.ok is 'True when every entry''s hash and link are intact.';
comment on column app_public.audit_chain_status.checked is 'How many entries were checked.';
comment on column app_public.audit_chain_status.broken_seq is 'The first entry whose hash or link is wrong; null when ok.';

-- Walks the current organization's chain in seq order. Needs audit:read (a caller without it would
-- otherwise see an empty, trivially intact chain).
create function app_public.verify_audit_chain() returns app_public.audit_chain_status
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
  entry app_public.audit_logs;
  expected_seq bigint := 1;
  previous text := null;
begin
  if not app_public.current_user_has_permission('audit:read') then
    raise exception 'Verifying the audit chain needs the audit:read permission' using errcode = 'RG403';
  end if;
  for entry in
    select * from app_public.audit_logs where organization_id = app_public.current_organization_id() order by seq
  loop
    if entry.seq <> expected_seq or entry.prev_hash is distinct from previous or entry.hash <> app_public.audit_log_hash(entry) then
      return (false, expected_seq - 1, least(entry.seq, expected_seq))::app_public.audit_chain_status;
    end if;
    previous := entry.hash;
    expected_seq := expected_seq + 1;
  end loop;
  return (true, expected_seq - 1, null)::app_public.audit_chain_status;
end;
$$;
grant execute on function app_public.verify_audit_chain() to app_user;
comment on function app_public.verify_audit_chain() is 'Checks the audit log of the organization named by X-Organization-Id: ok, or the first broken seq. Needs audit:read.';

--------------------------------------------------------------------------------------------------------
-- Enqueue: every committed change of an audited table becomes one graphile-worker job, in the same
-- transaction (a rollback leaves no job). The payload is built from OLD/NEW only (changed fields for
-- updates) plus the request's settings. The event key is minted here, so a retried job carries the same
-- key and cannot write twice.
-- No named queue per organization: graphile-worker 0.18 hands a named queue to its next job only on a
-- poll (about one job per poll interval per organization), too slow for the 2 s contract when one
-- statement changes many rows, and job-key batching drops changes added while the batch is being taken.
-- Jobs are taken in the order they were added; record_audit_event serializes each organization's
-- appends with an advisory lock, so seq and prev_hash always form one chain.
create function app_private.tg__enqueue_audit() returns trigger
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  row_data jsonb := coalesce(new_row, old_row);
  changes jsonb;
  organization_id text := case when tg_table_name = 'organizations' then row_data ->> 'id' else row_data ->> 'organization_id' end;
begin
  if tg_op = 'UPDATE' then
    select coalesce(jsonb_object_agg(n.key, n.value), '{}') into changes
    from jsonb_each(new_row) n
    where n.value is distinct from old_row -> n.key;
  else
    changes := row_data;
  end if;
  perform graphile_worker.add_job(
    identifier := 'audit',
    payload := json_build_object(
      'eventKey', gen_random_uuid(),
      'resourceType', tg_argv[0],
      'operation', lower(tg_op),
      'resourceId', row_data ->> 'id',
      'organizationId', organization_id,
      'actorId', app_public.current_user_id(),
      'changes', changes,
      'requestId', nullif(current_setting('app.request_id', true), ''),
      'ip', nullif(current_setting('app.client_ip', true), ''),
      'userAgent', nullif(current_setting('app.user_agent', true), ''),
      'occurredAt', now()
    )
  );
  return null;
end;
$$;
alter function app_private.tg__enqueue_audit() owner to rowgate_definer;
comment on function app_private.tg__enqueue_audit() is 'Enqueues an audit job for the changed row; the trigger argument is the resource type.';

create trigger _500_audit after insert or update or delete on app_public.organizations
  for each row execute function app_private.tg__enqueue_audit('organization');
create trigger _500_audit after insert or update or delete on app_public.organization_memberships
  for each row execute function app_private.tg__enqueue_audit('organization_membership');
create trigger _500_audit after insert or update or delete on app_public.teams
  for each row execute function app_private.tg__enqueue_audit('team');
create trigger _500_audit after insert or update or delete on app_public.team_memberships
  for each row execute function app_private.tg__enqueue_audit('team_membership');
create trigger _500_audit after insert or update or delete on app_public.roles
  for each row execute function app_private.tg__enqueue_audit('role');
create trigger _500_audit after insert or update or delete on app_public.user_roles
  for each row execute function app_private.tg__enqueue_audit('user_role');
create trigger _500_audit after insert or update or delete on app_public.tasks
  for each row execute function app_private.tg__enqueue_audit('task');
create trigger _500_audit after insert or update or delete on app_public.task_dependencies
  for each row execute function app_private.tg__enqueue_audit('task_dependency');
create trigger _500_audit after insert or update or delete on app_public.invitations
  for each row execute function app_private.tg__enqueue_audit('invitation');

--------------------------------------------------------------------------------------------------------
-- Recording, by the worker (schema app_worker: only the worker may use it). Idempotent: an event key
-- already recorded is a no-op. The advisory lock serializes appends per organization so seq and
-- prev_hash form one chain even if two workers took jobs of one organization.
create schema app_worker;
comment on schema app_worker is 'Functions the background worker calls; no API role may use them.';
grant usage on schema app_worker to rowgate_worker;

create function app_worker.record_audit_event(event jsonb) returns boolean
language plpgsql volatile
set search_path = pg_catalog, pg_temp
as $$
declare
  org uuid := (event ->> 'organizationId')::uuid;
  previous app_public.audit_logs;
  entry app_public.audit_logs;
  verb text := case event ->> 'operation' when 'insert' then 'created' when 'update' then 'updated' else 'deleted' end;
begin
  perform pg_advisory_xact_lock(hashtextextended('rowgate.audit:' || org::text, 0));
  if exists (select 1 from app_public.audit_logs a where a.event_key = event ->> 'eventKey') then
    return false;
  end if;
  select * into previous from app_public.audit_logs a where a.organization_id = org order by a.seq desc limit 1;
  entry.id := gen_random_uuid();
  entry.organization_id := org;
  entry.seq := coalesce(previous.seq, 0) + 1;
  entry.event_key := event ->> 'eventKey';
  entry.action := (event ->> 'resourceType') || '.' || verb;
  entry.resource_type := event ->> 'resourceType';
  entry.resource_id := (event ->> 'resourceId')::uuid;
  entry.actor_id := (event ->> 'actorId')::uuid;
  entry.details := coalesce(event -> 'changes', '{}');
  entry.request_id := event ->> 'requestId';
  entry.ip := (event ->> 'ip')::inet;
  entry.user_agent := event ->> 'userAgent';
  entry.created_at := date_trunc('milliseconds', now());
  entry.prev_hash := previous.hash;
  entry.hash := app_public.audit_log_hash(entry);
  insert into app_public.audit_logs select entry.*;
  if entry.resource_type = 'task' then
    insert into app_public.task_histories (organization_id, task_id, event_key, action, actor_id, changes)
      values (org, entry.resource_id, entry.event_key, entry.action, entry.actor_id, entry.details)
      on conflict (event_key) do nothing;
  end if;
  return true;
end;
$$;
grant execute on function app_worker.record_audit_event(jsonb) to rowgate_worker;
comment on function app_worker.record_audit_event(jsonb) is 'Writes one audit entry (and, for tasks, one history entry) for an enqueued change, once.';

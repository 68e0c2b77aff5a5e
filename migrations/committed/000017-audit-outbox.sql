--! Previous: sha1:31fe8774aad8cdb647aee5dfc253a7c1cccc0e06
--! Hash: sha1:d5077eea899d82c8d4b13d7f51718f51bebae3ee
--! Message: audit outbox

-- The audit pipeline drained per organization, in batches, by any number of worker processes.
-- Until now each change was one graphile-worker job, and one runner took them one at a time for the whole
-- database: the only way to keep an organization's chain in commit order. That capped the log at one job
-- (three round trips and a commit) per change, and a second worker process would have broken the order.
-- Now a change is a row of a per-organization outbox, written by the trigger in the change's transaction,
-- and each transaction adds one `audit` job per organization it touched. A job drains its organization's
-- outbox in id order, a batch per transaction, under the organization's advisory lock: organizations are
-- drained side by side by every runner of every process, one organization's events only ever by one
-- drainer at a time, so its chain follows its commits. A job that finds its events already recorded by an
-- earlier job of the same organization is a no-op.
create table if not exists app_worker.audit_outbox (
  id bigint generated always as identity primary key,
  organization_id uuid not null,
  event jsonb not null,
  failed_at timestamptz,
  last_error text
);
comment on table app_worker.audit_outbox is 'Changes waiting for their audit row, oldest first per organization; failed_at: set aside because it can never be recorded.';
create index if not exists audit_outbox_pending_idx on app_worker.audit_outbox (organization_id, id) where failed_at is null;
grant select, update, delete on app_worker.audit_outbox to rowgate_worker;
-- The trigger runs as the definer; it may add to the outbox, nothing more.
grant usage on schema app_worker to rowgate_definer;
grant insert on app_worker.audit_outbox to rowgate_definer;

-- Jobs enqueued before this migration carry one event each: they move to the outbox, in their order, and
-- each organization gets one job. (A database migrated without graphile-worker's schema has none.)
do $$
begin
  if to_regclass('graphile_worker._private_jobs') is null then
    return;
  end if;
  with moved as (
    delete from graphile_worker._private_jobs j
    using graphile_worker._private_tasks t
    where t.id = j.task_id and t.identifier = 'audit' and j.locked_at is null and j.payload::jsonb ? 'eventKey'
    returning j.id, j.payload::jsonb as event
  )
  insert into app_worker.audit_outbox (organization_id, event)
    select (m.event ->> 'organizationId')::uuid, m.event from moved m order by m.id;
  perform graphile_worker.add_job('audit', json_build_object('organizationId', o.organization_id))
    from (select distinct organization_id from app_worker.audit_outbox) o;
end;
$$;

create or replace function app_private.tg__enqueue_audit() returns trigger
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  row_data jsonb := coalesce(new_row, old_row);
  changes jsonb;
  org uuid := (case when tg_table_name = 'organizations' then row_data ->> 'id' else row_data ->> 'organization_id' end)::uuid;
  -- Organizations this transaction has enqueued a job for (a transaction-local setting, so a rolled-back
  -- savepoint forgets its job along with it).
  enqueued text := coalesce(current_setting('rowgate.audit_enqueued', true), '');
begin
  if tg_op = 'UPDATE' then
    select coalesce(jsonb_object_agg(n.key, n.value), '{}') into changes
    from jsonb_each(new_row) n
    where n.value is distinct from old_row -> n.key;
  else
    changes := row_data;
  end if;
  insert into app_worker.audit_outbox (organization_id, event) values (org, jsonb_build_object(
    'eventKey', gen_random_uuid(),
    'resourceType', tg_argv[0],
    'operation', lower(tg_op),
    'resourceId', row_data ->> 'id',
    'organizationId', org,
    'actorId', app_public.current_user_id(),
    'changes', changes,
    'requestId', nullif(current_setting('app.request_id', true), ''),
    'ip', nullif(current_setting('app.client_ip', true), ''),
    'userAgent', nullif(current_setting('app.user_agent', true), ''),
    'occurredAt', now()
  ));
  if strpos(enqueued, org::text) = 0 then
    perform graphile_worker.add_job(identifier := 'audit', payload := json_build_object('organizationId', org));
    perform set_config('rowgate.audit_enqueued', enqueued || org::text || ' ', true);
  end if;
  return null;
end;
$$;
comment on function app_private.tg__enqueue_audit() is 'Adds the changed row to its organization''s audit outbox and, once per transaction and organization, an audit job; the trigger argument is the resource type.';

-- Records up to max_events of the organization's pending events, oldest first, in one transaction, and
-- returns whether more may be pending. An event that can never be recorded (bad data: class 22 or 23) is
-- set aside with its error, after the events before it are recorded, and the chain goes on without it.
-- Anything else (a lost connection, a missing privilege) fails the whole batch, which is retried.
create or replace function app_worker.drain_audit_outbox(org uuid, max_events integer) returns boolean
language plpgsql volatile
set search_path = pg_catalog, pg_temp
as $$
declare
  item record;
  recorded bigint[] := '{}';
  error_state text;
  error_message text;
begin
  -- One drainer per organization at a time; the batch is read after the lock, so it starts where the
  -- previous drainer stopped.
  perform pg_advisory_xact_lock(hashtextextended('rowgate.audit:' || org::text, 0));
  begin
    for item in
      select o.id, o.event from app_worker.audit_outbox o
      where o.organization_id = org and o.failed_at is null order by o.id limit max_events
    loop
      perform app_worker.record_audit_event(item.event);
      recorded := recorded || item.id;
    end loop;
  exception when data_exception or integrity_constraint_violation then
    -- The batch is undone; again one event at a time (a savepoint each), up to the one that fails.
    recorded := '{}';
    for item in
      select o.id, o.event from app_worker.audit_outbox o
      where o.organization_id = org and o.failed_at is null order by o.id limit max_events
    loop
      begin
        perform app_worker.record_audit_event(item.event);
        recorded := recorded || item.id;
      exception when data_exception or integrity_constraint_violation then
        get stacked diagnostics error_state = returned_sqlstate, error_message = message_text;
        update app_worker.audit_outbox set failed_at = now(), last_error = error_state || ': ' || error_message where id = item.id;
        delete from app_worker.audit_outbox where id = any(recorded);
        return true;
      end;
    end loop;
  end;
  delete from app_worker.audit_outbox where id = any(recorded);
  return cardinality(recorded) = max_events;
end;
$$;
comment on function app_worker.drain_audit_outbox(uuid, integer) is 'Records the organization''s next pending audit events, oldest first; true when more may be pending.';
grant execute on function app_worker.drain_audit_outbox(uuid, integer) to rowgate_worker;

--! Previous: sha1:132909fee541410c6b3324600e8e27584cfadfde
--! Hash: sha1:ded4ccacaa3991073bacbfb5a90d7ba5059899eb
--! Message: creation order: time-ordered ids

-- Rows come in creation order when a query gives no orderBy. PostGraphile orders such a connection by
-- its primary key, and ids were random (gen_random_uuid): `tasks(first: 10)` listed tasks in no meaningful
-- order. New ids are UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, 12 bits of the sub-millisecond, then
-- random bits. The primary key's order is then creation order (strictly within a session, to a
-- microsecond between sessions), cursors stay the primary key's, and the index is the same one. Rows created before keep
-- their random ids (most sort after the new ones, in no order among themselves). PostgreSQL 18's own
-- uuidv7() is not used, so 15 to 17 behave alike.
create or replace function app_public.uuid_v7() returns uuid
language plpgsql volatile parallel safe
set search_path = pg_catalog, pg_temp
as $$
declare
  micros bigint := (extract(epoch from clock_timestamp()) * 1000000)::bigint;
  -- Within a session, strictly increasing: a call in the same microsecond as the last takes the next one.
  last bigint := nullif(current_setting('rowgate.uuid_v7_micros', true), '')::bigint;
  fraction integer;
  bytes bytea := uuid_send(gen_random_uuid());
begin
  if micros <= last then
    micros := last + 1;
  end if;
  perform set_config('rowgate.uuid_v7_micros', micros::text, false);
  fraction := ((micros % 1000) * 4096 / 1000)::integer;
  bytes := overlay(bytes placing substring(int8send(micros / 1000) from 3) from 1 for 6);
  bytes := set_byte(bytes, 6, (112 | (fraction >> 8)));  -- version 7, then the fraction's top 4 bits
  bytes := set_byte(bytes, 7, fraction & 255);
  return encode(bytes, 'hex')::uuid;  -- byte 8 keeps gen_random_uuid's variant bits
end;
$$;
revoke execute on function app_public.uuid_v7() from public;
grant execute on function app_public.uuid_v7() to app_anonymous, app_user, rowgate_definer, rowgate_worker;
comment on function app_public.uuid_v7() is E'@behavior -*\nA time-ordered UUID (version 7): ids sort in creation order.';

alter table app_public.users alter column id set default app_public.uuid_v7();
alter table app_public.organizations alter column id set default app_public.uuid_v7();
alter table app_public.organization_memberships alter column id set default app_public.uuid_v7();
alter table app_public.roles alter column id set default app_public.uuid_v7();
alter table app_public.user_roles alter column id set default app_public.uuid_v7();
alter table app_public.teams alter column id set default app_public.uuid_v7();
alter table app_public.team_memberships alter column id set default app_public.uuid_v7();
alter table app_public.tasks alter column id set default app_public.uuid_v7();
alter table app_public.task_dependencies alter column id set default app_public.uuid_v7();
alter table app_public.task_histories alter column id set default app_public.uuid_v7();
alter table app_public.invitations alter column id set default app_public.uuid_v7();

-- Audit rows get their id from the worker's recording function: the same, with a time-ordered id.
create or replace function app_worker.record_audit_event(event jsonb) returns boolean
language plpgsql volatile
set search_path = pg_catalog, pg_temp
as $$
declare
  org uuid := (event ->> 'organizationId')::uuid;
  head app_public.audit_chain_heads;
  entry app_public.audit_logs;
  verb text := case event ->> 'operation' when 'insert' then 'created' when 'update' then 'updated' else 'deleted' end;
begin
  perform pg_advisory_xact_lock(hashtextextended('rowgate.audit:' || org::text, 0));
  if exists (select 1 from app_public.audit_logs a where a.event_key = event ->> 'eventKey') then
    return false;
  end if;
  select * into head from app_public.audit_chain_heads h where h.organization_id = org;
  entry.id := app_public.uuid_v7();
  entry.organization_id := org;
  entry.seq := coalesce(head.seq, 0) + 1;
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
  entry.prev_hash := head.hash;
  entry.hash := app_public.audit_log_hash(entry);
  insert into app_public.audit_logs select entry.*;
  insert into app_public.audit_chain_heads (organization_id, seq, hash) values (org, entry.seq, entry.hash)
    on conflict (organization_id) do update set seq = excluded.seq, hash = excluded.hash;
  if entry.resource_type = 'task' then
    insert into app_public.task_histories (organization_id, task_id, event_key, action, actor_id, changes)
      values (org, entry.resource_id, entry.event_key, entry.action, entry.actor_id, entry.details)
      on conflict (event_key) do nothing;
  end if;
  return true;
end;
$$;

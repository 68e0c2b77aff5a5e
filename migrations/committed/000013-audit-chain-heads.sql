--! Previous: sha1:356adde7fdcab588bde0d7a661e7a3aca684e892
--! Hash: sha1:c2229333a9b09b9a4b53e097d720019ae975e587
--! Message: audit chain heads

-- The end of each organization's audit chain. A hash chain shows an edited or removed row by the broken
-- link after it, but the newest rows have no row after them: deleting them, or the whole log, left a chain
-- that verified. The head (the last seq and hash) is written in the same transaction as each row, so
-- verify_audit_chain can tell where the chain must end, and the next row links to the head, never to
-- whatever row happens to be newest.
create table if not exists app_public.audit_chain_heads (
  organization_id uuid primary key,
  seq bigint not null check (seq > 0),
  hash text not null
);
comment on table app_public.audit_chain_heads is E'@behavior -*\nWhere each organization''s audit chain ends; read through verifyAuditChain.';
comment on column app_public.audit_chain_heads.organization_id is 'The organization.';
comment on column app_public.audit_chain_heads.seq is 'seq of the newest audit entry.';
comment on column app_public.audit_chain_heads.hash is 'hash of the newest audit entry.';
alter table app_public.audit_chain_heads enable row level security;
alter table app_public.audit_chain_heads force row level security;
grant select on app_public.audit_chain_heads to app_user;
grant select, insert, update on app_public.audit_chain_heads to rowgate_worker;
drop policy if exists select_with_permission on app_public.audit_chain_heads;
create policy select_with_permission on app_public.audit_chain_heads for select to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('audit:read')));
drop policy if exists select_worker on app_public.audit_chain_heads;
create policy select_worker on app_public.audit_chain_heads for select to rowgate_worker using (true);
drop policy if exists insert_worker on app_public.audit_chain_heads;
create policy insert_worker on app_public.audit_chain_heads for insert to rowgate_worker with check (true);
drop policy if exists update_worker on app_public.audit_chain_heads;
create policy update_worker on app_public.audit_chain_heads for update to rowgate_worker using (true) with check (true);

-- Chains written before heads existed end where their newest row is.
insert into app_public.audit_chain_heads (organization_id, seq, hash)
  select distinct on (a.organization_id) a.organization_id, a.seq, a.hash
  from app_public.audit_logs a
  order by a.organization_id, a.seq desc
on conflict (organization_id) do nothing;

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
  entry.id := gen_random_uuid();
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

-- Walks the current organization's chain in seq order, then checks that it ends at the head: a row
-- missing, edited or reordered anywhere, the newest included, breaks it at the first seq that is wrong.
-- Needs audit:read (a caller without it would otherwise see an empty, trivially intact chain).
create or replace function app_public.verify_audit_chain() returns app_public.audit_chain_status
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
  entry app_public.audit_logs;
  head app_public.audit_chain_heads;
  expected_seq bigint := 1;
  previous text := null;
  head_seq bigint;
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
  select * into head from app_public.audit_chain_heads h where h.organization_id = app_public.current_organization_id();
  head_seq := coalesce(head.seq, 0);
  if expected_seq - 1 < head_seq then
    -- The newest rows (or all of them) are gone: the first missing one is where it breaks.
    return (false, expected_seq - 1, expected_seq)::app_public.audit_chain_status;
  elsif expected_seq - 1 > head_seq then
    -- Rows beyond the recorded end were added by someone other than the worker.
    return (false, expected_seq - 1, head_seq + 1)::app_public.audit_chain_status;
  elsif previous is distinct from head.hash then
    -- The newest row was replaced by one with a hash of its own.
    return (false, expected_seq - 1, head_seq)::app_public.audit_chain_status;
  end if;
  return (true, expected_seq - 1, null)::app_public.audit_chain_status;
end;
$$;

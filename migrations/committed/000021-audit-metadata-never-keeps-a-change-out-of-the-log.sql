--! Previous: sha1:f1ebc8849025eb600ef303d7b220776d136e1019
--! Hash: sha1:dff46eb50b98ac8ae44ec3d3e8738eac3fc8f3fe
--! Message: audit metadata never keeps a change out of the log

-- A change is never kept out of the audit log by what was said about the request, and a change that is
-- kept out is never hidden.
--
-- With a trusted proxy in front, the client address comes from X-Forwarded-For; a forged one that is no
-- address at all ("not-an-address") made record_audit_event's inet cast fail, the event was set aside as
-- unrecordable, and verifyAuditChain still answered ok: a change, hidden. The server now refuses such
-- addresses before they become settings; here, an event that fails with its request's metadata (address,
-- user agent, request id) is recorded without it rather than set aside (only then, so the common path
-- pays nothing), and verifyAuditChain counts what is set aside and is not ok while anything is.

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
        begin
          -- What was said about the request may be what fails (a forged address): the change without it.
          perform app_worker.record_audit_event(item.event || '{"ip": null, "userAgent": null, "requestId": null}');
          recorded := recorded || item.id;
        exception when data_exception or integrity_constraint_violation then
          get stacked diagnostics error_state = returned_sqlstate, error_message = message_text;
          update app_worker.audit_outbox set failed_at = now(), last_error = error_state || ': ' || error_message where id = item.id;
          delete from app_worker.audit_outbox where id = any(recorded);
          return true;
        end;
      end;
    end loop;
  end;
  delete from app_worker.audit_outbox where id = any(recorded);
  return cardinality(recorded) = max_events;
end;
$$;
comment on function app_worker.drain_audit_outbox(uuid, integer) is 'Records the organization''s next pending audit events, oldest first; true when more may be pending.';

-- How many of the current organization's changes are set aside, for verifyAuditChain, whose callers
-- cannot read the outbox: the count only, of the organization named by the request, for audit:read only.
grant select (organization_id, failed_at) on app_worker.audit_outbox to rowgate_definer;
create index if not exists audit_outbox_set_aside_idx on app_worker.audit_outbox (organization_id) where failed_at is not null;
create or replace function app_public.current_organization_set_aside_audit_events() returns integer
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select count(*)::integer from app_worker.audit_outbox o
  where o.organization_id = app_public.current_organization_id() and o.failed_at is not null
    and app_public.current_user_has_permission('audit:read')
$$;
alter function app_public.current_organization_set_aside_audit_events() owner to rowgate_definer;
revoke execute on function app_public.current_organization_set_aside_audit_events() from public;
grant execute on function app_public.current_organization_set_aside_audit_events() to app_user;
comment on function app_public.current_organization_set_aside_audit_events() is E'@behavior -*\nHow many of the current organization''s changes are set aside, never recorded in its audit log (verify_audit_chain''s helper; audit:read only).';

alter type app_public.audit_chain_status add attribute set_aside integer;
comment on column app_public.audit_chain_status.ok is 'True when every entry''s hash and link are intact and no change is set aside.';
comment on column app_public.audit_chain_status.set_aside is 'Changes that could not be recorded and wait, outside the log, for an operator to repair them; the log is not whole while there are any.';

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
  broken bigint;
  set_aside integer;
begin
  if not app_public.current_user_has_permission('audit:read') then
    raise exception 'Verifying the audit chain needs the audit:read permission' using errcode = 'RG403';
  end if;
  set_aside := app_public.current_organization_set_aside_audit_events();
  for entry in
    select * from app_public.audit_logs where organization_id = app_public.current_organization_id() order by seq
  loop
    if entry.seq <> expected_seq or entry.prev_hash is distinct from previous or entry.hash <> app_public.audit_log_hash(entry) then
      return (false, expected_seq - 1, least(entry.seq, expected_seq), set_aside)::app_public.audit_chain_status;
    end if;
    previous := entry.hash;
    expected_seq := expected_seq + 1;
  end loop;
  select * into head from app_public.audit_chain_heads h where h.organization_id = app_public.current_organization_id();
  head_seq := coalesce(head.seq, 0);
  if expected_seq - 1 < head_seq then
    -- The newest rows (or all of them) are gone: the first missing one is where it breaks.
    broken := expected_seq;
  elsif expected_seq - 1 > head_seq then
    -- Rows beyond the recorded end were added by someone other than the worker.
    broken := head_seq + 1;
  elsif previous is distinct from head.hash then
    -- The newest row was replaced by one with a hash of its own.
    broken := head_seq;
  end if;
  return (broken is null and set_aside = 0, expected_seq - 1, broken, set_aside)::app_public.audit_chain_status;
end;
$$;
comment on function app_public.verify_audit_chain() is 'Checks the audit log of the organization named by X-Organization-Id: ok, or the first broken seq, and how many changes are set aside outside it. Needs audit:read.';

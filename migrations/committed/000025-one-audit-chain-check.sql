--! Previous: sha1:ded4ccacaa3991073bacbfb5a90d7ba5059899eb
--! Hash: sha1:557e941a88526656af772daae9d86f603b3a2fc3
--! Message: one audit chain check

-- The audit chain's check of one organization, in one place: verify_audit_chain (the API: audit:read in
-- the organization named by the request) and db:restore's check of every organization (as the superuser)
-- both call it, so the two cannot drift apart. Security invoker: it reads what its caller may read.
create or replace function app_public.audit_chain_check(org uuid) returns app_public.audit_chain_status
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
begin
  for entry in select * from app_public.audit_logs where organization_id = org order by seq loop
    if entry.seq <> expected_seq or entry.prev_hash is distinct from previous or entry.hash <> app_public.audit_log_hash(entry) then
      return (false, expected_seq - 1, least(entry.seq, expected_seq), null)::app_public.audit_chain_status;
    end if;
    previous := entry.hash;
    expected_seq := expected_seq + 1;
  end loop;
  select * into head from app_public.audit_chain_heads h where h.organization_id = org;
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
  return (broken is null, expected_seq - 1, broken, null)::app_public.audit_chain_status;
end;
$$;
revoke execute on function app_public.audit_chain_check(uuid) from public;
grant execute on function app_public.audit_chain_check(uuid) to app_user;
comment on function app_public.audit_chain_check(uuid) is E'@behavior -*\nThe organization''s audit chain as its caller may read it: whole, or where it first breaks (set_aside is left to the caller).';

create or replace function app_public.verify_audit_chain() returns app_public.audit_chain_status
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
  status app_public.audit_chain_status;
begin
  if not app_public.current_user_has_permission('audit:read') then
    raise exception 'Verifying the audit chain needs the audit:read permission' using errcode = 'RG403';
  end if;
  status := app_public.audit_chain_check(app_public.current_organization_id());
  status.set_aside := app_public.current_organization_set_aside_audit_events();
  status.ok := status.ok and status.set_aside = 0;
  return status;
end;
$$;

--! Previous: sha1:d5077eea899d82c8d4b13d7f51718f51bebae3ee
--! Hash: sha1:03d9b63eb55c9880725698eafcfc7001506e390c
--! Message: pending audit jobs moved to the outbox as the definer

-- 000017 meant to move the audit jobs still pending from before it (one event each) into the outbox, but
-- migrations run as the database owner, which cannot see graphile-worker's tables (they admit only the
-- worker and the definer), so the move found nothing and those jobs would have drained an empty outbox.
-- The move again, as the definer, which may read and delete jobs and add to the outbox: in their order,
-- then one job per organization that got events.
create or replace function app_private.move_pending_audit_jobs() returns integer
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  organizations integer;
begin
  if to_regclass('graphile_worker._private_jobs') is null then
    return 0;
  end if;
  with moved as (
    delete from graphile_worker._private_jobs j
    using graphile_worker._private_tasks t
    where t.id = j.task_id and t.identifier = 'audit' and j.locked_at is null and j.payload::jsonb ? 'eventKey'
    returning j.id, j.payload::jsonb as event
  ), added as (
    insert into app_worker.audit_outbox (organization_id, event)
      select (m.event ->> 'organizationId')::uuid, m.event from moved m order by m.id
  )
  select count(graphile_worker.add_job('audit', json_build_object('organizationId', o.organization_id))) into organizations
    from (select distinct (m.event ->> 'organizationId')::uuid as organization_id from moved m) o;
  return organizations;
end;
$$;
alter function app_private.move_pending_audit_jobs() owner to rowgate_definer;
grant execute on function app_private.move_pending_audit_jobs() to current_user;
select app_private.move_pending_audit_jobs();
drop function app_private.move_pending_audit_jobs();

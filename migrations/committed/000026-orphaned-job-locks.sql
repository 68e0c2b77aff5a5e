--! Previous: sha1:557e941a88526656af772daae9d86f603b3a2fc3
--! Hash: sha1:008d323e45acbca41966e533c7b1e3c0427836b6
--! Message: orphaned job locks

-- A job locked without its worker knowing. graphile-worker locks a job in the statement that hands it to a
-- pool (get_job); if the connection dies after that statement commits and before its reply arrives (a
-- PostgreSQL killed at that instant), the lock stays but no runner ever starts the job. Its pool is alive
-- and keeps its lease (000012), so the job would wait graphile-worker's 4 hours. Each worker process knows
-- which jobs its runners are running; every few seconds it hands that list here with its pools, and a job
-- locked by one of them for longer than `older_than` that none of them runs is unlocked for the next poll.
create or replace function app_worker.release_orphaned_locks(pool_ids text[], running bigint[], older_than interval) returns bigint[]
language plpgsql volatile
set search_path = pg_catalog, pg_temp
as $$
declare
  released bigint[];
begin
  with unlocked as (
    update graphile_worker._private_jobs set locked_at = null, locked_by = null
    where locked_by = any(pool_ids) and locked_at < now() - older_than and id <> all(running)
    returning id
  )
  select coalesce(array_agg(id order by id), '{}') into released from unlocked;
  if released <> '{}' then
    perform pg_notify('jobs:insert', '{"count":1}');
  end if;
  return released;
end;
$$;
comment on function app_worker.release_orphaned_locks(text[], bigint[], interval) is 'Unlocks the jobs that the given live worker pools locked longer than older_than ago and do not run (a get_job reply lost with its connection); returns their ids.';
grant execute on function app_worker.release_orphaned_locks(text[], bigint[], interval) to rowgate_worker;

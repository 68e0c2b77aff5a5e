--! Previous: sha1:2494955cac2400437be2002f376fca46a25d319c
--! Hash: sha1:356adde7fdcab588bde0d7a661e7a3aca684e892
--! Message: worker pool leases: a dead worker's jobs are taken over

-- Background jobs after a crash. graphile-worker locks a job with the id of the worker pool that took it
-- and frees it when that pool finishes it, or after a hard-coded 4 hours; pool ids are random per process,
-- so the jobs of a killed process would wait those 4 hours (an audit row missing for as long). Every pool
-- therefore holds a lease here, renewed every few seconds by app_worker.heartbeat, which every worker
-- calls: a pool whose lease ran out is dead, and its jobs are unlocked (graphile-worker's own
-- force_unlock_workers) for the living to take. A live pool's lease is always fresh, so its jobs are never
-- unlocked; a pool that loses the database for longer than a lease loses its jobs to the others, which
-- then run them again (audit reruns are no-ops: the event key).
create table if not exists app_worker.pool_leases (
  pool_id text primary key,
  renewed_at timestamptz not null default now()
);
comment on table app_worker.pool_leases is 'One row per live graphile-worker pool: its id and when it last renewed its lease.';
grant select, insert, update, delete on app_worker.pool_leases to rowgate_worker;

-- Renews the caller's pools' leases and unlocks the jobs of dead pools: pools whose lease is older than
-- `ttl`, and pools that lock a job (for longer than `ttl`) without holding any lease, such as a process
-- killed before its first renewal. Returns the pools it declared dead. A woken worker takes their jobs at
-- once (the NOTIFY graphile-worker's add_job sends), not at its next poll.
create or replace function app_worker.heartbeat(pool_ids text[], ttl interval) returns text[]
language plpgsql volatile
set search_path = pg_catalog, pg_temp
as $$
declare
  dead text[];
begin
  insert into app_worker.pool_leases (pool_id, renewed_at)
    select id, now() from unnest($1) id
    on conflict (pool_id) do update set renewed_at = excluded.renewed_at;
  select coalesce(array_agg(distinct pool), '{}') into dead
  from (
    select l.pool_id as pool from app_worker.pool_leases l where l.renewed_at < now() - $2
    union
    select j.locked_by from graphile_worker.jobs j
    where j.locked_by is not null and j.locked_at < now() - $2
      and not exists (select 1 from app_worker.pool_leases l where l.pool_id = j.locked_by and l.renewed_at >= now() - $2)
  ) expired;
  if dead <> '{}' then
    perform graphile_worker.force_unlock_workers(dead);
    delete from app_worker.pool_leases where pool_id = any(dead);
    perform pg_notify('jobs:insert', '{"count":1}');
  end if;
  return dead;
end;
$$;
comment on function app_worker.heartbeat(text[], interval) is 'Renews the leases of the given worker pools and unlocks the jobs of pools whose lease expired; returns those pools.';
grant execute on function app_worker.heartbeat(text[], interval) to rowgate_worker;

-- A pool that stops gracefully gives its lease back.
create or replace function app_worker.release_leases(pool_ids text[]) returns void
language sql volatile
set search_path = pg_catalog, pg_temp
as $$
  delete from app_worker.pool_leases where pool_id = any($1)
$$;
comment on function app_worker.release_leases(text[]) is 'Drops the leases of worker pools that stopped gracefully.';
grant execute on function app_worker.release_leases(text[]) to rowgate_worker;

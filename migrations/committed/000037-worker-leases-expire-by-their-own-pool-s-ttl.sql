--! Previous: sha1:7d6a34c2f37e844ffa7c5533c05cb0b9b3a0f9e4
--! Hash: sha1:4d323cf6b510f1626291e14ad6219d71b4bf2302
--! Message: worker leases expire by their own pool's ttl

-- A pool's lease ran out when the lease of the worker sweeping said so: heartbeat compared every pool's
-- last renewal with the caller's own ttl. With WORKER_LEASE_SECONDS differing between processes (it is a
-- setting now), a worker with 6 s declared a live pool with a 60 s lease (renewed every 15 s) dead and
-- freed its running jobs, which then ran twice. Each lease now records when it expires, by its own pool's
-- ttl, and a pool is dead once its own lease expired. A pool that locks jobs without any lease (killed
-- before its first renewal) is still judged by the caller's ttl: it said nothing about its own.
alter table app_worker.pool_leases add column if not exists expires_at timestamptz not null default now();
-- Leases taken before this migration: as long as the longest a lease may be (WORKER_LEASE_SECONDS at most
-- 600), so no live pool is declared dead before its own next renewal records its real expiry.
update app_worker.pool_leases set expires_at = renewed_at + interval '600 seconds';
comment on column app_worker.pool_leases.expires_at is 'When the lease runs out unless renewed: its last renewal plus its own pool''s ttl.';

create or replace function app_worker.heartbeat(pool_ids text[], ttl interval) returns text[]
language plpgsql volatile
set search_path = pg_catalog, pg_temp
as $$
declare
  dead text[];
begin
  insert into app_worker.pool_leases (pool_id, renewed_at, expires_at)
    select id, now(), now() + $2 from unnest($1) id
    on conflict (pool_id) do update set renewed_at = excluded.renewed_at, expires_at = excluded.expires_at;
  select coalesce(array_agg(distinct pool), '{}') into dead
  from (
    select l.pool_id as pool from app_worker.pool_leases l where l.expires_at < now()
    union
    select j.locked_by from graphile_worker.jobs j
    where j.locked_by is not null and j.locked_at < now() - $2
      and not exists (select 1 from app_worker.pool_leases l where l.pool_id = j.locked_by and l.expires_at >= now())
  ) expired;
  if dead <> '{}' then
    perform graphile_worker.force_unlock_workers(dead);
    delete from app_worker.pool_leases where pool_id = any(dead);
    perform pg_notify('jobs:insert', '{"count":1}');
  end if;
  return dead;
end;
$$;
comment on function app_worker.heartbeat(text[], interval) is 'Renews the leases of the given worker pools for ttl and unlocks the jobs of pools whose own lease expired; returns those pools.';

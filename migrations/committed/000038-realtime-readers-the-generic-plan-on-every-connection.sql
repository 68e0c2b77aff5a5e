--! Previous: sha1:4d323cf6b510f1626291e14ad6219d71b4bf2302
--! Hash: sha1:5fc884ecfc2034d8ace7d1664931629bcd1de51e
--! Message: realtime readers: the generic plan on every connection

-- task_event_readers runs the same live-row query once per reader, with the batch's arrays as
-- parameters. PostgreSQL's plan cache plans that query anew for each of its first runs on a connection
-- and keeps doing so while a custom plan looks cheaper than the generic one, which it does for batches
-- of one event: a check of one event for 1,000 readers took ~250 ms on a fresh connection instead of
-- ~90 ms, planning the query 1,000 times. The query is the same whatever the arrays hold (a join on the
-- primary key), so the function always takes the generic plan, planned once per connection.
create or replace function app_auth.task_event_readers(org uuid, task_ids uuid[], deleted boolean[], readers jsonb)
returns table (event integer, reader integer)
language plpgsql volatile
set search_path = pg_catalog, pg_temp
set plan_cache_mode = force_generic_plan
as $$
declare
  entry record;
  gone integer[] := array(select d.i::integer from unnest(deleted) with ordinality as d(gone, i) where d.gone);
  live boolean := cardinality(gone) < cardinality(task_ids);
  i integer;
begin
  perform set_config('role', 'app_user', true), set_config('app.current_org_id', org::text, true);
  for entry in select r.value as claims, r.ordinality::integer as n from jsonb_array_elements(readers) with ordinality r loop
    perform set_config('jwt.claims.sub', entry.claims ->> 'u', true), set_config('jwt.claims.sid', entry.claims ->> 's', true);
    -- Every event still in the table, in one query per reader: RLS on the rows now.
    if live then
      return query
        select e.i::integer, entry.n
        from unnest(task_ids, deleted) with ordinality as e(id, gone, i)
        join app_public.tasks t on t.id = e.id
        where not e.gone;
    end if;
    foreach i in array gone loop
      if app_public.deleted_task_visible(task_ids[i]) then
        event := i;
        reader := entry.n;
        return next;
      end if;
    end loop;
  end loop;
  perform set_config('role', 'app_anonymous', true),
          set_config('jwt.claims.sub', '', true),
          set_config('jwt.claims.sid', '', true);
end;
$$;

--! Previous: sha1:0abd574b102cc692cc2c3ed93d93423939fc4a42
--! Hash: sha1:a7f4c87b03eb3c80f861ba8c12323578f950ba7e
--! Message: realtime readers in one statement

-- Realtime at the size of a team: which subscribers may read a task event, decided for all of a server
-- process's subscribers in an organization by one statement, instead of one statement per subscriber.
-- Each reader (a user's session) is evaluated under its own settings and the tasks table's real policies,
-- as Supabase's apply_rls does: the loop switches to app_user with that reader's claims and asks the
-- same question the single check asked (RLS on the row now; for DELETED, the policies applied to the row
-- as it was, 000023). Nothing about the rules is copied here or in the server.
--
-- Called by the server as app_anonymous (which may SET ROLE app_user: both are roles of the server's login).
-- Claims alone grant nothing: current_user_id() accepts a user only with a live session of theirs.
create or replace function app_auth.task_event_readers(org uuid, task_ids uuid[], deleted boolean[], readers jsonb)
returns table (event integer, reader integer)
language plpgsql volatile
set search_path = pg_catalog, pg_temp
as $$
declare
  entry record;
  i integer;
begin
  perform set_config('role', 'app_user', true), set_config('app.current_org_id', org::text, true);
  for entry in select r.value as claims, r.ordinality::integer as n from jsonb_array_elements(readers) with ordinality r loop
    perform set_config('jwt.claims.sub', entry.claims ->> 'u', true), set_config('jwt.claims.sid', entry.claims ->> 's', true);
    -- Every event still in the table, in one query per reader: RLS on the rows now.
    return query
      select e.i::integer, entry.n
      from unnest(task_ids, deleted) with ordinality as e(id, gone, i)
      join app_public.tasks t on t.id = e.id
      where not e.gone;
    for i in 1 .. coalesce(array_length(task_ids, 1), 0) loop
      if deleted[i] and app_public.deleted_task_visible(task_ids[i]) then
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
revoke execute on function app_auth.task_event_readers(uuid, uuid[], boolean[], jsonb) from public;
grant execute on function app_auth.task_event_readers(uuid, uuid[], boolean[], jsonb) to app_anonymous;
comment on function app_auth.task_event_readers(uuid, uuid[], boolean[], jsonb) is 'For task events of an organization and readers ([{u: user id, s: session id}]), the (event, reader) pairs (1-based) where RLS lets that reader read the task (DELETED: as it was).';

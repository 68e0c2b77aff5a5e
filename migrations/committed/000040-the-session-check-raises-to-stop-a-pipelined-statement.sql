--! Previous: sha1:4ca7dc33c58e3e56901c058bdcdf5fe327943e37
--! Hash: sha1:3cce8d25228a94114a88c98a9f04dd28a4bbd76e
--! Message: the session check raises, to stop a pipelined statement

-- A GraphQL request's transaction used to open in a round trip of its own (begin, its settings, and
-- `select app_public.current_user_id() is not null`), the server waiting for the answer before it sent the
-- operation's first statement. Now the opening and that statement travel together (the server's pool
-- pipelines them, server/graphql/pg-adaptor.ts), so the check must stop the statement behind it by itself:
-- it raises, which aborts the transaction, and PostgreSQL then refuses everything after it in that
-- transaction. The rule is still the policies' own (current_user_id: the request's claims name an active
-- session); only the way it answers changed. RGSES is the code the server maps to 401 INVALID_TOKEN.
create or replace function app_auth.require_active_session() returns void
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
begin
  if app_public.current_user_id() is null then
    raise exception 'The session has ended' using errcode = 'RGSES';
  end if;
end;
$$;
comment on function app_auth.require_active_session() is 'Raises RGSES unless the request''s claims name an active session; opens every signed-in GraphQL transaction.';
grant execute on function app_auth.require_active_session() to app_user, app_anonymous;

--! Previous: -
--! Hash: sha1:b11605ed0aba1c8ea75765407a8ee9d7270db163
--! Message: schemas, privileges defaults and shared trigger functions

-- Why two schemas: PostGraphile exposes app_public and nothing else. Secrets (password hashes, refresh
-- tokens, invitation tokens) and internal trigger functions live in app_private, which API roles cannot
-- even see (no USAGE). rowgate_definer owns the SECURITY DEFINER helpers, so it may create in both.
create schema app_public;
create schema app_private;
comment on schema app_public is 'The rowgate GraphQL API.';

grant usage on schema app_public to app_anonymous, app_user, rowgate_worker;
grant usage, create on schema app_public, app_private to rowgate_definer;

-- Functions are executable by PUBLIC unless told otherwise; every API-callable function is granted by name.
-- Database-wide, not `in schema`: per-schema defaults can only add to the global ones, never revoke.
alter default privileges revoke execute on functions from public;
alter default privileges for role rowgate_definer revoke execute on functions from public;

-- Shared BEFORE trigger: created_at is set once, updated_at on every change, neither trusted from clients.
create function app_private.tg__timestamps() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'INSERT' then
    new.created_at := now();
  else
    new.created_at := old.created_at;
  end if;
  new.updated_at := now();
  return new;
end;
$$;
comment on function app_private.tg__timestamps() is 'Maintains created_at and updated_at.';

--! Previous: sha1:b11605ed0aba1c8ea75765407a8ee9d7270db163
--! Hash: sha1:a17743e5db49a3c74b611229d34b2ef1a33a2f1a
--! Message: users, their secrets and sessions

-- Users are global: a person may belong to several organizations. Registration and login go through the
-- server (issue: GraphQL API), so the API roles may not insert or delete users; a user may rename themself.
create table app_public.users (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 320),
  name text not null check (length(btrim(name)) between 1 and 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on app_public.users (lower(email));
create trigger _100_timestamps before insert or update on app_public.users
  for each row execute function app_private.tg__timestamps();

comment on table app_public.users is 'A person who can sign in. You see yourself and the people who share an organization with you.';
comment on column app_public.users.id is 'The user''s id.';
comment on column app_public.users.email is 'E-mail address used to sign in; unique regardless of case.';
comment on column app_public.users.name is 'Display name; only the user may change it.';
comment on column app_public.users.created_at is 'When the user registered.';
comment on column app_public.users.updated_at is 'When the user last changed.';

-- 1:1 secrets table: nothing here is ever granted to an API role.
create table app_private.user_secrets (
  user_id uuid primary key references app_public.users on delete cascade,
  password_hash text
);
comment on table app_private.user_secrets is 'Password hashes; read only by the auth functions.';

-- A session is one sign-in. Access tokens name it (claim sid); revoking it ends every token at once,
-- because current_user_id() resolves a user only through an active session.
create table app_private.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_public.users on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user_id_idx on app_private.sessions (user_id);
comment on table app_private.sessions is 'Sign-in sessions; revoked_at set means logged out or revoked for refresh-token reuse.';

-- Every refresh token ever issued for a session, hashed. A token presented after it was rotated is reuse:
-- the whole session is revoked.
create table app_private.refresh_tokens (
  token_hash bytea primary key,
  session_id uuid not null references app_private.sessions on delete cascade,
  created_at timestamptz not null default now(),
  rotated_at timestamptz
);
create index refresh_tokens_session_id_idx on app_private.refresh_tokens (session_id);
comment on table app_private.refresh_tokens is 'SHA-256 hashes of refresh tokens; rotated_at marks used ones.';

-- The signed-in user, or null. SECURITY DEFINER because sessions are private; STABLE so a policy that
-- calls it as (select ...) runs it once per statement.
create function app_public.current_user_id() returns uuid
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select s.user_id
  from app_private.sessions s
  where s.id = nullif(pg_catalog.current_setting('jwt.claims.sid', true), '')::uuid
    and s.user_id = nullif(pg_catalog.current_setting('jwt.claims.sub', true), '')::uuid
    and s.revoked_at is null
    and s.expires_at > pg_catalog.now()
$$;
grant select on app_private.sessions to rowgate_definer;
alter function app_public.current_user_id() owner to rowgate_definer;
grant execute on function app_public.current_user_id() to app_anonymous, app_user;
comment on function app_public.current_user_id() is E'@behavior -*\nThe signed-in user''s id while their session is active, else null.';

-- The users a caller may see: themself and everyone sharing an organization with them. plpgsql so the
-- body binds late (organization_memberships is created by the organizations migration).
create function app_public.current_user_visible_user_ids() returns setof uuid
language plpgsql stable security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_public.current_user_id();
begin
  if me is null then
    return;
  end if;
  return next me;
  return query
    select distinct peer.user_id
    from app_public.organization_memberships mine
    join app_public.organization_memberships peer on peer.organization_id = mine.organization_id
    where mine.user_id = me and peer.user_id <> me;
end;
$$;
alter function app_public.current_user_visible_user_ids() owner to rowgate_definer;
grant execute on function app_public.current_user_visible_user_ids() to app_user;
comment on function app_public.current_user_visible_user_ids() is E'@behavior -*\nIds of the users the signed-in user may see (policy helper).';

alter table app_public.users enable row level security;
alter table app_public.users force row level security;
grant select on app_public.users to app_user;
grant update (name) on app_public.users to app_user;
create policy select_visible on app_public.users for select to app_user
  using (id in (select app_public.current_user_visible_user_ids()));
create policy update_self on app_public.users for update to app_user
  using (id = (select app_public.current_user_id()))
  with check (id = (select app_public.current_user_id()));

-- plpgsql so an anonymous caller gets null without touching the table it may not read.
create function app_public.current_user() returns app_public.users
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_public.current_user_id();
  result app_public.users;
begin
  if me is null then
    return null;
  end if;
  select u.* into result from app_public.users u where u.id = me;
  return result;
end;
$$;
grant execute on function app_public.current_user() to app_anonymous, app_user;
comment on function app_public.current_user() is 'The signed-in user, or null when anonymous.';

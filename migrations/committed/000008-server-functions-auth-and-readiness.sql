--! Previous: sha1:c8d16dc321f326f64e6fa51c6071703a8f819f91
--! Hash: sha1:2ed5fc7e578478c20715c349d01aacf1f9e36f0a
--! Message: functions the server calls itself: authentication and readiness

-- Why a schema of its own: the /auth endpoints need to read password hashes and sessions, which live in
-- app_private, and /readyz needs the applied migrations. The server calls these SECURITY DEFINER
-- functions as app_anonymous (register, login, refresh, readiness) or app_user (logout). PostGraphile
-- does not expose app_auth, so no GraphQL operation can reach them.
create schema app_auth;
comment on schema app_auth is 'Functions the server itself calls (auth endpoints, readiness); not part of the GraphQL API.';
grant usage on schema app_auth to app_anonymous, app_user;
grant usage, create on schema app_auth to rowgate_definer;
grant select, insert, update on app_private.user_secrets, app_private.sessions, app_private.refresh_tokens to rowgate_definer;
grant select, insert on app_public.users to rowgate_definer;

-- Users of an external identity provider, by (issuer, subject). Their tokens carry no session of ours,
-- so each identity gets one session here, which logout revokes like any other.
create table app_private.user_identities (
  issuer text not null,
  subject text not null,
  user_id uuid not null references app_public.users on delete cascade,
  session_id uuid references app_private.sessions on delete set null,
  -- Tokens issued at or before this moment are refused: set when a session of this identity was logged out.
  not_before timestamptz,
  created_at timestamptz not null default now(),
  primary key (issuer, subject)
);
create index user_identities_user_id_idx on app_private.user_identities (user_id);
create index user_identities_session_id_idx on app_private.user_identities (session_id);
comment on table app_private.user_identities is 'Maps an external identity provider''s (iss, sub) to a user.';
grant select, insert, update on app_private.user_identities to rowgate_definer;

create function app_auth.register(email text, name text, password_hash text) returns uuid
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  new_id uuid;
begin
  insert into app_public.users (email, name) values (register.email, register.name) returning id into new_id;
  insert into app_private.user_secrets (user_id, password_hash) values (new_id, register.password_hash);
  return new_id;
exception when unique_violation then
  raise exception 'This e-mail address is already registered' using errcode = 'RGEML';
end;
$$;
alter function app_auth.register(text, text, text) owner to rowgate_definer;
grant execute on function app_auth.register(text, text, text) to app_anonymous;
comment on function app_auth.register(text, text, text) is 'Creates a user with an (already hashed) password.';

create function app_auth.credentials(email text) returns table (user_id uuid, email text, name text, password_hash text)
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select u.id, u.email, u.name, s.password_hash
  from app_public.users u
  join app_private.user_secrets s on s.user_id = u.id
  where lower(u.email) = lower($1) and s.password_hash is not null
$$;
alter function app_auth.credentials(text) owner to rowgate_definer;
grant execute on function app_auth.credentials(text) to app_anonymous;
comment on function app_auth.credentials(text) is 'The user and password hash for an e-mail address, for login.';

create function app_auth.create_session(user_id uuid, refresh_token_hash bytea, lifetime interval) returns uuid
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  new_id uuid;
begin
  insert into app_private.sessions (user_id, expires_at) values ($1, now() + $3) returning id into new_id;
  insert into app_private.refresh_tokens (token_hash, session_id) values ($2, new_id);
  return new_id;
end;
$$;
alter function app_auth.create_session(uuid, bytea, interval) owner to rowgate_definer;
grant execute on function app_auth.create_session(uuid, bytea, interval) to app_anonymous;
comment on function app_auth.create_session(uuid, bytea, interval) is 'Starts a session for a user who just proved who they are.';

-- Rotation: the presented token must be the session's newest. Presenting one that was already rotated
-- means it was copied: the session is revoked (and that revocation is committed, hence a status result
-- rather than an exception).
create function app_auth.rotate_refresh_token(old_hash bytea, new_hash bytea)
returns table (status text, user_id uuid, session_id uuid)
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  token record;
begin
  select rt.session_id, rt.rotated_at, s.user_id, s.revoked_at, s.expires_at into token
  from app_private.refresh_tokens rt
  join app_private.sessions s on s.id = rt.session_id
  where rt.token_hash = old_hash
  -- Locking the token row too makes a concurrent rotation of the same token wait, then read the
  -- committed rotated_at (and so see the reuse) instead of its own earlier snapshot.
  for update of rt, s;
  if not found or token.revoked_at is not null or token.expires_at <= now() then
    return query select 'invalid'::text, null::uuid, null::uuid;
  elsif token.rotated_at is not null then
    update app_private.sessions set revoked_at = now() where id = token.session_id;
    return query select 'reused'::text, null::uuid, null::uuid;
  else
    update app_private.refresh_tokens set rotated_at = now() where token_hash = old_hash;
    insert into app_private.refresh_tokens (token_hash, session_id) values (new_hash, token.session_id);
    return query select 'ok'::text, token.user_id, token.session_id;
  end if;
end;
$$;
alter function app_auth.rotate_refresh_token(bytea, bytea) owner to rowgate_definer;
grant execute on function app_auth.rotate_refresh_token(bytea, bytea) to app_anonymous;
comment on function app_auth.rotate_refresh_token(bytea, bytea) is 'Swaps a refresh token for a new one: ok, invalid, or reused (which revokes the session).';

create function app_auth.session_is_active(session_id uuid, user_id uuid) returns boolean
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select exists (
    select 1 from app_private.sessions s
    where s.id = $1 and s.user_id = $2 and s.revoked_at is null and s.expires_at > now()
  )
$$;
alter function app_auth.session_is_active(uuid, uuid) owner to rowgate_definer;
grant execute on function app_auth.session_is_active(uuid, uuid) to app_anonymous;
comment on function app_auth.session_is_active(uuid, uuid) is 'Whether an access token''s session still stands (checked on every request).';

-- Logout ends the caller's own session only: it takes nothing but the request's verified claims.
create function app_auth.logout() returns boolean
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  update app_private.sessions
  set revoked_at = now()
  where id = nullif(current_setting('jwt.claims.sid', true), '')::uuid
    and user_id = app_public.current_user_id();
  return found;
end;
$$;
alter function app_auth.logout() owner to rowgate_definer;
grant execute on function app_auth.logout() to app_user;
comment on function app_auth.logout() is 'Revokes the session of the current access token.';

-- External identity provider: the user for (issuer, subject), created on first sight from the token's
-- e-mail and name (or linked to the account that already has that e-mail), and the identity's session.
-- A logout revokes the session and refuses every token issued up to that moment; a newer token opens a
-- new session. Concurrent first requests of one identity meet in the ON CONFLICT clauses.
create function app_auth.external_session(issuer text, subject text, email text, name text, issued_at timestamptz, expires_at timestamptz)
returns table (user_id uuid, session_id uuid)
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  identity record;
  session record;
  has_session boolean;
  uid uuid;
  sid uuid;
begin
  select * into identity from app_private.user_identities i where i.issuer = $1 and i.subject = $2 for update;
  if not found then
    if $3 is null then
      raise exception 'The identity provider''s token has no e-mail address' using errcode = 'RGTOK';
    end if;
    insert into app_public.users (email, name) values ($3, coalesce(nullif(btrim($4), ''), $3))
      on conflict do nothing returning id into uid;
    if uid is null then
      select u.id into uid from app_public.users u where lower(u.email) = lower($3);
    end if;
    insert into app_private.user_identities (issuer, subject, user_id) values ($1, $2, uid) on conflict do nothing;
    select * into identity from app_private.user_identities i where i.issuer = $1 and i.subject = $2 for update;
  end if;
  select * into session from app_private.sessions s where s.id = identity.session_id;
  has_session := found;
  if has_session and session.revoked_at is not null then
    update app_private.user_identities i set not_before = greatest(i.not_before, session.revoked_at)
    where i.issuer = $1 and i.subject = $2
    returning * into identity;
  end if;
  if identity.not_before is not null and $5 <= identity.not_before then
    return;
  end if;
  if has_session and session.revoked_at is null then
    update app_private.sessions s set expires_at = greatest(s.expires_at, $6) where s.id = session.id;
    sid := session.id;
  else
    insert into app_private.sessions (user_id, expires_at) values (identity.user_id, $6) returning id into sid;
    update app_private.user_identities i set session_id = sid where i.issuer = $1 and i.subject = $2;
  end if;
  return query select identity.user_id, sid;
end;
$$;
alter function app_auth.external_session(text, text, text, text, timestamptz, timestamptz) owner to rowgate_definer;
grant execute on function app_auth.external_session(text, text, text, text, timestamptz, timestamptz) to app_anonymous;
comment on function app_auth.external_session(text, text, text, text, timestamptz, timestamptz) is 'User and session for a token of the external identity provider.';

-- /readyz compares this with the newest committed migration the server was built with.
grant usage on schema graphile_migrate to rowgate_definer;
grant select on graphile_migrate.migrations to rowgate_definer;
create function app_auth.migration_head() returns text
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select m.hash from graphile_migrate.migrations m order by m.date desc, m.filename desc limit 1
$$;
alter function app_auth.migration_head() owner to rowgate_definer;
grant execute on function app_auth.migration_head() to app_anonymous;
comment on function app_auth.migration_head() is 'Hash of the newest applied migration.';

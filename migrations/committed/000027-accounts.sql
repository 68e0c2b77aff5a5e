--! Previous: sha1:008d323e45acbca41966e533c7b1e3c0427836b6
--! Hash: sha1:0abd574b102cc692cc2c3ed93d93423939fc4a42
--! Message: accounts

-- Accounts (API.md §2, §5): a verified e-mail address, password reset and change, sessions a user can see
-- and end, and the security events of their own account. The server calls these app_auth functions (as
-- app_anonymous before sign-in, as app_user after); the worker issues the mailed tokens. Tokens are
-- 256-bit random strings stored as SHA-256 hashes and looked up by that hash, single-use and expiring;
-- the plain token exists only in the worker while it writes the mail, and in the mail.
-- Functions replaced here (create_session, rotate_refresh_token, logout) stay for the previous release,
-- which a rollback runs against this schema; external_session changes its arguments and is replaced.

--------------------------------------------------------------------------------------------------------
-- Verified address and what a session shows its owner.
alter table app_private.user_secrets add column if not exists email_verified_at timestamptz;
comment on column app_private.user_secrets.email_verified_at is 'When the user proved they receive mail at their address (a verification or reset link, an accepted invitation, a verified identity provider).';

alter table app_private.sessions
  add column if not exists last_used_at timestamptz,
  add column if not exists user_agent text,
  add column if not exists ip text;
comment on column app_private.sessions.last_used_at is 'The session''s last sign-in or token refresh (a request with an access token does not write here).';
comment on column app_private.sessions.user_agent is 'The User-Agent that signed in, at most 300 characters.';
comment on column app_private.sessions.ip is 'The network the session signed in from: its IPv4 /24 or IPv6 /48, never the full address.';

-- The per-session refresh budget counts a session's recent tokens.
create index if not exists refresh_tokens_session_id_created_at_idx on app_private.refresh_tokens (session_id, created_at);
drop index if exists app_private.refresh_tokens_session_id_idx;

-- A client address as stored: the network it belongs to, coarse enough not to name a household.
create or replace function app_private.coarse_network(address text) returns text
language plpgsql immutable
set search_path = pg_catalog, pg_temp
as $$
declare
  parsed inet;
begin
  parsed := nullif(address, '')::inet;
  return network(set_masklen(parsed, case when family(parsed) = 4 then 24 else 48 end))::text;
exception when invalid_text_representation then
  return null;
end;
$$;
grant execute on function app_private.coarse_network(text) to rowgate_definer;
comment on function app_private.coarse_network(text) is 'The /24 (IPv4) or /48 (IPv6) network of a client address; null for anything else.';

--------------------------------------------------------------------------------------------------------
-- Security events: what happened to an account, for its owner's eyes only.
create table if not exists app_public.security_events (
  id uuid primary key default app_public.uuid_v7(),
  user_id uuid not null references app_public.users on delete cascade,
  kind text not null check (kind in ('signed_in', 'sign_in_failed', 'signed_out', 'session_ended',
    'refresh_token_reused', 'password_changed', 'password_reset', 'email_verified')),
  session_id uuid,
  ip text,
  user_agent text,
  created_at timestamptz not null default now()
);
create index if not exists security_events_user_id_created_at_idx on app_public.security_events (user_id, created_at desc);
comment on table app_public.security_events is E'@omit update,delete,create\nWhat happened to your account: sign-ins (failed ones too), sign-outs, sessions ended, a refresh token used twice, password and address changes. Only you see your own.';
comment on column app_public.security_events.id is 'The event''s id.';
comment on column app_public.security_events.user_id is 'Whose account it happened to.';
comment on column app_public.security_events.kind is 'signed_in, sign_in_failed, signed_out, session_ended, refresh_token_reused, password_changed, password_reset or email_verified.';
comment on column app_public.security_events.session_id is 'The session it concerns (the one signed in, signed out or ended), if any.';
comment on column app_public.security_events.ip is 'The network the request came from (IPv4 /24, IPv6 /48).';
comment on column app_public.security_events.user_agent is 'The User-Agent of the request, at most 300 characters.';
comment on column app_public.security_events.created_at is 'When it happened.';
alter table app_public.security_events enable row level security;
alter table app_public.security_events force row level security;
grant select on app_public.security_events to app_user;
drop policy if exists select_own on app_public.security_events;
create policy select_own on app_public.security_events for select to app_user
  using (user_id = (select app_public.current_user_id()));
grant insert on app_public.security_events to rowgate_definer;
-- The definer functions below record events for users other than "the current user" (a failed sign-in,
-- a reset): this policy is theirs alone.
drop policy if exists insert_by_auth_functions on app_public.security_events;
create policy insert_by_auth_functions on app_public.security_events for insert to rowgate_definer with check (true);

-- The request's address and User-Agent come from the transaction's settings (app.client_ip,
-- app.user_agent), which the server sets for /auth/* as it does for /graphql.
create or replace function app_private.record_security_event(user_id uuid, kind text, session_id uuid) returns void
language sql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
  insert into app_public.security_events (user_id, kind, session_id, ip, user_agent)
  values ($1, $2, $3, app_private.coarse_network(current_setting('app.client_ip', true)),
    left(nullif(current_setting('app.user_agent', true), ''), 300))
$$;
alter function app_private.record_security_event(uuid, text, uuid) owner to rowgate_definer;
revoke execute on function app_private.record_security_event(uuid, text, uuid) from public;
comment on function app_private.record_security_event(uuid, text, uuid) is 'Records a security event of a user, with the coarse network and User-Agent of the request.';

-- Your own address's state, null for anyone else's.
create or replace function app_public.users_email_verified(u app_public.users) returns boolean
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select s.email_verified_at is not null
  from app_private.user_secrets s
  where s.user_id = u.id and u.id = app_public.current_user_id()
$$;
alter function app_public.users_email_verified(app_public.users) owner to rowgate_definer;
revoke execute on function app_public.users_email_verified(app_public.users) from public;
grant execute on function app_public.users_email_verified(app_public.users) to app_user;
comment on function app_public.users_email_verified(app_public.users) is 'Whether you have verified your e-mail address (null for other users).';

--------------------------------------------------------------------------------------------------------
-- Sessions: started, refreshed, listed and ended.
create or replace function app_auth.sign_in(user_id uuid, refresh_token_hash bytea, lifetime interval) returns uuid
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  new_id uuid;
begin
  insert into app_private.sessions (user_id, expires_at, last_used_at, ip, user_agent)
    values ($1, now() + $3, now(), app_private.coarse_network(current_setting('app.client_ip', true)),
      left(nullif(current_setting('app.user_agent', true), ''), 300)) returning id into new_id;
  insert into app_private.refresh_tokens (token_hash, session_id) values ($2, new_id);
  perform app_private.record_security_event($1, 'signed_in', new_id);
  return new_id;
end;
$$;
alter function app_auth.sign_in(uuid, bytea, interval) owner to rowgate_definer;
revoke execute on function app_auth.sign_in(uuid, bytea, interval) from public;
grant execute on function app_auth.sign_in(uuid, bytea, interval) to app_anonymous;
comment on function app_auth.sign_in(uuid, bytea, interval) is 'Starts a session for a user who just proved who they are, and records the sign-in.';

-- A wrong password for a known address is recorded for that user (never the password); an unknown
-- address records nothing.
create or replace function app_auth.record_failed_sign_in(email text) returns void
language sql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
  select app_private.record_security_event(u.id, 'sign_in_failed', null)
  from app_public.users u where lower(u.email) = lower($1)
$$;
alter function app_auth.record_failed_sign_in(text) owner to rowgate_definer;
revoke execute on function app_auth.record_failed_sign_in(text) from public;
grant execute on function app_auth.record_failed_sign_in(text) to app_anonymous;
comment on function app_auth.record_failed_sign_in(text) is 'Records a failed sign-in for the account of an address, if there is one.';

-- Rotation as before (000008), plus: the session's last use, the reuse recorded as a security event, and
-- a budget per session (per refresh-token family) of max_per_minute rotations, so a browser reloading
-- often is limited by its own use and not by its office's shared address. Over the budget the token is
-- kept (not rotated) and retry_after says when one is free again.
create or replace function app_auth.refresh_session(old_hash bytea, new_hash bytea, max_per_minute integer)
returns table (status text, user_id uuid, session_id uuid, retry_after integer)
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  token record;
  oldest timestamptz;
  recent integer;
begin
  select rt.session_id, rt.rotated_at, s.user_id, s.revoked_at, s.expires_at into token
  from app_private.refresh_tokens rt
  join app_private.sessions s on s.id = rt.session_id
  where rt.token_hash = old_hash
  for update of rt, s;
  if not found or token.revoked_at is not null or token.expires_at <= now() then
    return query select 'invalid'::text, null::uuid, null::uuid, null::integer;
    return;
  end if;
  if token.rotated_at is not null then
    update app_private.sessions set revoked_at = now() where id = token.session_id;
    perform app_private.record_security_event(token.user_id, 'refresh_token_reused', token.session_id);
    return query select 'reused'::text, null::uuid, null::uuid, null::integer;
    return;
  end if;
  select count(*), min(rt.created_at) into recent, oldest
  from app_private.refresh_tokens rt
  where rt.session_id = token.session_id and rt.created_at > now() - interval '1 minute';
  if recent > max_per_minute then
    return query select 'rate_limited'::text, null::uuid, null::uuid,
      greatest(1, ceil(extract(epoch from oldest + interval '1 minute' - now())))::integer;
    return;
  end if;
  update app_private.refresh_tokens set rotated_at = now() where token_hash = old_hash;
  insert into app_private.refresh_tokens (token_hash, session_id) values (new_hash, token.session_id);
  update app_private.sessions set last_used_at = now() where id = token.session_id;
  return query select 'ok'::text, token.user_id, token.session_id, null::integer;
end;
$$;
alter function app_auth.refresh_session(bytea, bytea, integer) owner to rowgate_definer;
revoke execute on function app_auth.refresh_session(bytea, bytea, integer) from public;
grant execute on function app_auth.refresh_session(bytea, bytea, integer) to app_anonymous;
comment on function app_auth.refresh_session(bytea, bytea, integer) is 'Swaps a refresh token for a new one: ok, invalid, reused (which revokes the session) or rate_limited (the session refreshed more than max_per_minute times in a minute).';

-- The signed-in user's live sessions.
create or replace function app_auth.list_sessions()
returns table (id uuid, created_at timestamptz, last_used_at timestamptz, user_agent text, ip text, current boolean)
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select s.id, s.created_at, coalesce(s.last_used_at, s.created_at), s.user_agent, s.ip,
    s.id = nullif(current_setting('jwt.claims.sid', true), '')::uuid
  from app_private.sessions s
  where s.user_id = app_public.current_user_id() and s.revoked_at is null and s.expires_at > now()
  order by coalesce(s.last_used_at, s.created_at) desc, s.id
$$;
alter function app_auth.list_sessions() owner to rowgate_definer;
revoke execute on function app_auth.list_sessions() from public;
grant execute on function app_auth.list_sessions() to app_user;
comment on function app_auth.list_sessions() is 'The signed-in user''s live sessions, most recently used first.';

-- Ends sessions of the signed-in user: the current one, all others, all, or one by id (which must be
-- theirs and live). Each ended session is recorded: signed_out for the caller's own, session_ended for
-- the others. Returns how many were ended.
create or replace function app_auth.end_sessions(scope text, session_id uuid default null) returns integer
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_public.current_user_id();
  mine uuid := nullif(current_setting('jwt.claims.sid', true), '')::uuid;
  ended record;
  n integer := 0;
begin
  if me is null then
    return 0;
  end if;
  for ended in
    update app_private.sessions s set revoked_at = now()
    where s.user_id = me and s.revoked_at is null and s.expires_at > now()
      and case $1 when 'current' then s.id = mine
                  when 'others' then s.id <> mine
                  when 'all' then true
                  when 'one' then s.id = $2
                  else false end
    returning s.id
  loop
    perform app_private.record_security_event(me, case when ended.id = mine then 'signed_out' else 'session_ended' end, ended.id);
    n := n + 1;
  end loop;
  return n;
end;
$$;
alter function app_auth.end_sessions(text, uuid) owner to rowgate_definer;
revoke execute on function app_auth.end_sessions(text, uuid) from public;
grant execute on function app_auth.end_sessions(text, uuid) to app_user;
comment on function app_auth.end_sessions(text, uuid) is 'Ends the signed-in user''s sessions: current, others, all, or one (by id); returns how many ended.';

--------------------------------------------------------------------------------------------------------
-- Passwords.
create or replace function app_auth.current_password_hash() returns text
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select s.password_hash from app_private.user_secrets s where s.user_id = app_public.current_user_id()
$$;
alter function app_auth.current_password_hash() owner to rowgate_definer;
revoke execute on function app_auth.current_password_hash() from public;
grant execute on function app_auth.current_password_hash() to app_user;
comment on function app_auth.current_password_hash() is 'The signed-in user''s password hash, for the server to check a current password.';

-- The server has checked the current password; every other session of the user ends.
create or replace function app_auth.change_password(new_hash text) returns void
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_public.current_user_id();
begin
  if me is null then
    raise exception 'Sign in to change your password' using errcode = 'RG401';
  end if;
  update app_private.user_secrets set password_hash = new_hash where user_id = me;
  perform app_private.record_security_event(me, 'password_changed', nullif(current_setting('jwt.claims.sid', true), '')::uuid);
  perform app_auth.end_sessions('others');
end;
$$;
alter function app_auth.change_password(text) owner to rowgate_definer;
revoke execute on function app_auth.change_password(text) from public;
grant execute on function app_auth.change_password(text) to app_user;
comment on function app_auth.change_password(text) is 'Sets the signed-in user''s password (already checked and hashed by the server) and ends their other sessions.';

--------------------------------------------------------------------------------------------------------
-- Mailed tokens: verification (24 hours) and password reset (1 hour).
create table if not exists app_private.account_tokens (
  token_hash bytea primary key,
  user_id uuid not null references app_public.users on delete cascade,
  purpose text not null check (purpose in ('verify_email', 'reset_password')),
  -- The address the mail went to: a token proves that address only.
  email text not null,
  -- The graphile-worker job that issued it: a retried job replaces its own token.
  job_id bigint,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index if not exists account_tokens_user_id_purpose_created_at_idx on app_private.account_tokens (user_id, purpose, created_at);
create index if not exists account_tokens_expires_at_idx on app_private.account_tokens (expires_at);
comment on table app_private.account_tokens is 'SHA-256 hashes of the tokens mailed to verify an address or reset a password; single-use, expiring.';
grant select, insert, update, delete on app_private.account_tokens to rowgate_definer;
grant update (email_verified_at, password_hash) on app_private.user_secrets to rowgate_definer;

-- Asks the worker to mail a token: called the same way, and taking the same time, for any address; the
-- worker finds out (app_worker.issue_account_token) whether there is an account to write to.
create or replace function app_auth.request_account_mail(purpose text, email text) returns void
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if $1 not in ('verify_email', 'reset_password') then
    raise exception 'Unknown account mail' using errcode = '22023';
  end if;
  perform graphile_worker.add_job(identifier := 'send_account_mail', payload := json_build_object('purpose', $1, 'email', $2), max_attempts := 10);
end;
$$;
alter function app_auth.request_account_mail(text, text) owner to rowgate_definer;
revoke execute on function app_auth.request_account_mail(text, text) from public;
grant execute on function app_auth.request_account_mail(text, text) to app_anonymous;
comment on function app_auth.request_account_mail(text, text) is 'Enqueues a verification or reset mail for an address, whether or not it has an account.';

-- The worker's half: a new token for the address's account, or no row when there is none to send (no
-- account, already verified, or over the address's budget: one mail a minute, five an hour, per
-- purpose). A retried job replaces the unused token it issued before and is not counted against the budget.
create or replace function app_worker.issue_account_token(purpose text, email text, job_id bigint)
returns table (token text, name text, address text, expires_at timestamptz)
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  account record;
  new_token text := encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'hex');
  lifetime interval := case $1 when 'reset_password' then interval '1 hour' else interval '24 hours' end;
begin
  select u.id, u.name, u.email, s.email_verified_at into account
  from app_public.users u left join app_private.user_secrets s on s.user_id = u.id
  where lower(u.email) = lower($2);
  if not found or ($1 = 'verify_email' and account.email_verified_at is not null) then
    return;
  end if;
  delete from app_private.account_tokens t where t.job_id = $3 and t.used_at is null;
  if exists (select 1 from app_private.account_tokens t where t.user_id = account.id and t.purpose = $1
               and t.created_at > now() - interval '1 minute')
    or (select count(*) from app_private.account_tokens t where t.user_id = account.id and t.purpose = $1
          and t.created_at > now() - interval '1 hour') >= 5
  then
    return;
  end if;
  insert into app_private.account_tokens (token_hash, user_id, purpose, email, job_id, expires_at)
    values (sha256(convert_to(new_token, 'UTF8')), account.id, $1, account.email, $3, now() + lifetime);
  return query select new_token, account.name, account.email, now() + lifetime;
end;
$$;
-- Owning a function needs CREATE on its schema at the moment of the change only (as in 000022).
grant create on schema app_worker to rowgate_definer;
alter function app_worker.issue_account_token(text, text, bigint) owner to rowgate_definer;
revoke create on schema app_worker from rowgate_definer;
revoke execute on function app_worker.issue_account_token(text, text, bigint) from public;
grant execute on function app_worker.issue_account_token(text, text, bigint) to rowgate_worker;
comment on function app_worker.issue_account_token(text, text, bigint) is 'Issues a verification or reset token for the account of an address, for the worker to mail; no row when none should be sent.';

-- Uses a token: the one row it stands for, marked used, if it is unused, unexpired and for this purpose.
create or replace function app_private.use_account_token(token_hash bytea, purpose text) returns app_private.account_tokens
language sql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
  update app_private.account_tokens t set used_at = now()
  where t.token_hash = $1 and t.purpose = $2 and t.used_at is null and t.expires_at > now()
  returning t.*
$$;
alter function app_private.use_account_token(bytea, text) owner to rowgate_definer;
revoke execute on function app_private.use_account_token(bytea, text) from public;
comment on function app_private.use_account_token(bytea, text) is 'Marks a live token of a purpose used and returns it (null when there is none).';

-- The address a token was mailed to is the account's: verified (if the account still has that address).
create or replace function app_private.mark_email_verified(user_id uuid, email text) returns boolean
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  update app_private.user_secrets s set email_verified_at = now()
  from app_public.users u
  where s.user_id = $1 and u.id = $1 and lower(u.email) = lower($2) and s.email_verified_at is null;
  if found then
    perform app_private.record_security_event($1, 'email_verified', null);
  end if;
  return found;
end;
$$;
alter function app_private.mark_email_verified(uuid, text) owner to rowgate_definer;
revoke execute on function app_private.mark_email_verified(uuid, text) from public;
comment on function app_private.mark_email_verified(uuid, text) is 'Marks an account''s address verified, when it is the given one and was not yet; records the event.';

create or replace function app_auth.verify_email(token_hash bytea) returns boolean
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  used app_private.account_tokens := app_private.use_account_token($1, 'verify_email');
begin
  if used.token_hash is null then
    return false;
  end if;
  perform app_private.mark_email_verified(used.user_id, used.email);
  return true;
end;
$$;
alter function app_auth.verify_email(bytea) owner to rowgate_definer;
revoke execute on function app_auth.verify_email(bytea) from public;
grant execute on function app_auth.verify_email(bytea) to app_anonymous;
comment on function app_auth.verify_email(bytea) is 'Verifies the address a verification token was mailed to; false for an unknown, used or expired token.';

-- A reset proves the address too. Every session of the user ends, and every other reset token with them.
create or replace function app_auth.reset_password(token_hash bytea, new_hash text) returns boolean
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  used app_private.account_tokens := app_private.use_account_token($1, 'reset_password');
begin
  if used.token_hash is null then
    return false;
  end if;
  insert into app_private.user_secrets (user_id, password_hash) values (used.user_id, $2)
    on conflict (user_id) do update set password_hash = excluded.password_hash;
  update app_private.account_tokens set used_at = now()
  where user_id = used.user_id and purpose = 'reset_password' and used_at is null;
  update app_private.sessions set revoked_at = now() where user_id = used.user_id and revoked_at is null;
  perform app_private.mark_email_verified(used.user_id, used.email);
  perform app_private.record_security_event(used.user_id, 'password_reset', null);
  return true;
end;
$$;
alter function app_auth.reset_password(bytea, text) owner to rowgate_definer;
revoke execute on function app_auth.reset_password(bytea, text) from public;
grant execute on function app_auth.reset_password(bytea, text) to app_anonymous;
comment on function app_auth.reset_password(bytea, text) is 'Sets a new password with a reset token and ends every session of the user; false for an unknown, used or expired token.';

-- An accepted invitation was mailed to the address it names, which accept_invitation checks is the
-- accepting user's: that address is verified.
create or replace function app_private.tg_invitations__verify_address() returns trigger
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform app_private.mark_email_verified(new.accepted_by_id, new.email);
  return null;
end;
$$;
alter function app_private.tg_invitations__verify_address() owner to rowgate_definer;
comment on function app_private.tg_invitations__verify_address() is 'Marks the accepting user''s address verified when they accept an invitation mailed to it.';
drop trigger if exists _700_verify_address on app_public.invitations;
create trigger _700_verify_address after update of accepted_at on app_public.invitations
  for each row when (old.accepted_at is null and new.accepted_at is not null and new.accepted_by_id is not null)
  execute function app_private.tg_invitations__verify_address();

--------------------------------------------------------------------------------------------------------
-- Housekeeping (the worker's hourly cleanup_accounts task): sessions over (expired or ended) for 30 days
-- go with their refresh tokens; mailed tokens a day after they expire; security events after 90 days.
create or replace function app_worker.clean_up_accounts() returns table (sessions bigint, account_tokens bigint, security_events bigint)
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  with gone as (
    delete from app_private.sessions s
    where least(s.expires_at, coalesce(s.revoked_at, 'infinity')) < now() - interval '30 days'
    returning 1
  ) select count(*) into sessions from gone;
  with gone as (
    delete from app_private.account_tokens t where t.expires_at < now() - interval '1 day' returning 1
  ) select count(*) into account_tokens from gone;
  with gone as (
    delete from app_public.security_events e where e.created_at < now() - interval '90 days' returning 1
  ) select count(*) into security_events from gone;
  return next;
end;
$$;
grant delete on app_private.sessions, app_public.security_events to rowgate_definer;
drop policy if exists delete_by_housekeeping on app_public.security_events;
create policy delete_by_housekeeping on app_public.security_events for delete to rowgate_definer using (true);
grant select on app_public.security_events to rowgate_definer;
drop policy if exists select_by_housekeeping on app_public.security_events;
create policy select_by_housekeeping on app_public.security_events for select to rowgate_definer using (true);
create index if not exists sessions_expires_at_idx on app_private.sessions (expires_at);
create index if not exists security_events_created_at_idx on app_public.security_events (created_at);
-- Owning a function needs CREATE on its schema at the moment of the change only (as in 000022).
grant create on schema app_worker to rowgate_definer;
alter function app_worker.clean_up_accounts() owner to rowgate_definer;
revoke create on schema app_worker from rowgate_definer;
revoke execute on function app_worker.clean_up_accounts() from public;
grant execute on function app_worker.clean_up_accounts() to rowgate_worker;
comment on function app_worker.clean_up_accounts() is 'Deletes sessions over for 30 days (with their refresh tokens), mailed tokens expired for a day, and security events older than 90 days; returns the counts.';

--------------------------------------------------------------------------------------------------------
-- Every user has a secrets row (an identity provider's users had none): where the verified address and
-- a password set by a reset are kept.
insert into app_private.user_secrets (user_id) select u.id from app_public.users u on conflict do nothing;

-- The external identity provider (000008), now safe against a pre-account takeover: someone who
-- registered a victim's address first must not keep a password into the account the victim later uses
-- through the provider. A first-seen identity
--   - creates an account only from an address the provider says is verified (email_verified: true), and
--     that address is then verified here too;
--   - links to an existing account with that address only when the provider verified it *and* the
--     account verified it (a mail link, an invitation, a reset);
--   - is refused otherwise (RGLNK, with a message saying why): the owner of the address recovers the
--     account with a password reset (which verifies the address and ends every session, the squatter's
--     too), then signs in through the provider again.
-- An identity seen before keeps its account whatever its later tokens say.
drop function if exists app_auth.external_session(text, text, text, text, timestamptz, timestamptz);
create or replace function app_auth.external_session(issuer text, subject text, email text, email_verified boolean, name text, issued_at timestamptz, expires_at timestamptz)
returns table (user_id uuid, session_id uuid)
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  identity record;
  session record;
  has_session boolean;
  account record;
  uid uuid;
  sid uuid;
begin
  select * into identity from app_private.user_identities i where i.issuer = $1 and i.subject = $2 for update;
  if not found then
    if $3 is null then
      raise exception 'The identity provider''s token has no e-mail address' using errcode = 'RGTOK';
    elsif $4 is not true then
      raise exception 'The identity provider has not verified this e-mail address' using errcode = 'RGLNK';
    end if;
    insert into app_public.users (email, name) values ($3, coalesce(nullif(btrim($5), ''), $3))
      on conflict do nothing returning id into uid;
    if uid is not null then
      insert into app_private.user_secrets (user_id, email_verified_at) values (uid, now());
    else
      select u.id, s.email_verified_at into account
      from app_public.users u left join app_private.user_secrets s on s.user_id = u.id
      where lower(u.email) = lower($3);
      if account.email_verified_at is null then
        raise exception 'An account with this e-mail address exists and has not verified it: sign in with its password and verify the address, or reset its password, then sign in here again'
          using errcode = 'RGLNK';
      end if;
      uid := account.id;
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
  if identity.not_before is not null and $6 <= identity.not_before then
    return;
  end if;
  if has_session and session.revoked_at is null then
    update app_private.sessions s set expires_at = greatest(s.expires_at, $7), last_used_at = now() where s.id = session.id;
    sid := session.id;
  else
    insert into app_private.sessions (user_id, expires_at, last_used_at, ip, user_agent)
      values (identity.user_id, $7, now(), app_private.coarse_network(current_setting('app.client_ip', true)),
        left(nullif(current_setting('app.user_agent', true), ''), 300))
      returning id into sid;
    update app_private.user_identities i set session_id = sid where i.issuer = $1 and i.subject = $2;
    perform app_private.record_security_event(identity.user_id, 'signed_in', sid);
  end if;
  return query select identity.user_id, sid;
end;
$$;
alter function app_auth.external_session(text, text, text, boolean, text, timestamptz, timestamptz) owner to rowgate_definer;
revoke execute on function app_auth.external_session(text, text, text, boolean, text, timestamptz, timestamptz) from public;
grant execute on function app_auth.external_session(text, text, text, boolean, text, timestamptz, timestamptz) to app_anonymous;
comment on function app_auth.external_session(text, text, text, boolean, text, timestamptz, timestamptz) is 'User and session for a token of the external identity provider; links a new identity to an existing account only when both sides verified the address.';

-- Signing out with a refresh cookie alone (000020) is a sign-out like any other: recorded.
create or replace function app_auth.logout_with_refresh_token(token_hash bytea) returns boolean
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  ended record;
begin
  update app_private.sessions s
  set revoked_at = now()
  from app_private.refresh_tokens rt
  where rt.token_hash = $1 and s.id = rt.session_id and s.revoked_at is null
  returning s.id, s.user_id into ended;
  if ended.id is not null then
    perform app_private.record_security_event(ended.user_id, 'signed_out', ended.id);
  end if;
  return ended.id is not null;
end;
$$;

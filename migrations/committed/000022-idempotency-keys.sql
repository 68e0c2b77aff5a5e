--! Previous: sha1:dff46eb50b98ac8ae44ec3d3e8738eac3fc8f3fe
--! Hash: sha1:39d2b6aa6e6916b4f20228b3ab619d347b5d8589
--! Message: idempotency keys

-- Idempotency keys: a client whose connection dropped after its mutation committed cannot tell whether it
-- happened; retrying a createTask made a second task. A mutation sent with `Idempotency-Key` claims the
-- key (per user) in the same transaction as its change, so the key exists exactly when the change
-- committed; the answer is stored once sent. The same key again replays that answer instead of running
-- the mutation twice; with another request it is refused. Keys are kept 24 hours (the worker's cleanup).
create table if not exists app_private.idempotency_keys (
  user_id uuid not null references app_public.users on delete cascade,
  key text not null check (length(key) between 1 and 255),
  -- SHA-256 of the request (document, operation name, variables): the same key with another request is
  -- a client's mistake, never a replay.
  fingerprint text not null,
  created_at timestamptz not null default now(),
  -- The answer, once it was sent; null while the request runs (or if the server stopped before).
  status smallint,
  response text,
  primary key (user_id, key)
);
create index if not exists idempotency_keys_created_at_idx on app_private.idempotency_keys (created_at);
comment on table app_private.idempotency_keys is 'Mutations sent with an Idempotency-Key: claimed in the transaction of their change, with their answer once sent; kept 24 hours.';
grant select, insert, update, delete on app_private.idempotency_keys to rowgate_definer;

-- Claimed in the request's own transaction (the server's opening message): a key already there means
-- this request ran before (or another with the same key): RGIDM, and nothing else runs.
create or replace function app_auth.claim_idempotency_key(key text, fingerprint text) returns void
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  insert into app_private.idempotency_keys (user_id, key, fingerprint) values (app_public.current_user_id(), $1, $2)
  on conflict do nothing;
  if not found then
    raise exception 'This Idempotency-Key was used before' using errcode = 'RGIDM';
  end if;
end;
$$;
alter function app_auth.claim_idempotency_key(text, text) owner to rowgate_definer;
revoke execute on function app_auth.claim_idempotency_key(text, text) from public;
grant execute on function app_auth.claim_idempotency_key(text, text) to app_user;
comment on function app_auth.claim_idempotency_key(text, text) is 'Claims an Idempotency-Key for the signed-in user in the transaction of the mutation it guards; RGIDM if it was claimed before.';

create or replace function app_auth.record_idempotent_response(key text, status integer, response text) returns void
language sql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
  update app_private.idempotency_keys k set status = $2, response = $3
  where k.user_id = app_public.current_user_id() and k.key = $1 and k.response is null
$$;
alter function app_auth.record_idempotent_response(text, integer, text) owner to rowgate_definer;
revoke execute on function app_auth.record_idempotent_response(text, integer, text) from public;
grant execute on function app_auth.record_idempotent_response(text, integer, text) to app_user;
comment on function app_auth.record_idempotent_response(text, integer, text) is 'Stores the answer of the signed-in user''s mutation sent with this Idempotency-Key.';

create or replace function app_auth.idempotent_response(key text) returns table (fingerprint text, status integer, response text)
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select k.fingerprint, k.status, k.response from app_private.idempotency_keys k
  where k.user_id = app_public.current_user_id() and k.key = $1
$$;
alter function app_auth.idempotent_response(text) owner to rowgate_definer;
revoke execute on function app_auth.idempotent_response(text) from public;
grant execute on function app_auth.idempotent_response(text) to app_user;
comment on function app_auth.idempotent_response(text) is 'What the signed-in user''s mutation sent with this Idempotency-Key answered (null while unknown).';

-- The worker's hourly cleanup.
create or replace function app_worker.expire_idempotency_keys(retention interval) returns integer
language sql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
  with gone as (delete from app_private.idempotency_keys where created_at < now() - $1 returning 1)
  select count(*)::integer from gone
$$;
-- Owning a function needs CREATE on its schema at the moment of the change only: the definer keeps none.
grant create on schema app_worker to rowgate_definer;
alter function app_worker.expire_idempotency_keys(interval) owner to rowgate_definer;
revoke create on schema app_worker from rowgate_definer;
revoke execute on function app_worker.expire_idempotency_keys(interval) from public;
grant execute on function app_worker.expire_idempotency_keys(interval) to rowgate_worker;
comment on function app_worker.expire_idempotency_keys(interval) is 'Deletes Idempotency-Keys older than the retention; returns how many.';

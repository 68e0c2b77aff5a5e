--! Previous: sha1:a059622a819cfd6922cb4a6dbe63338e3f62b7fc
--! Hash: sha1:f1ebc8849025eb600ef303d7b220776d136e1019
--! Message: logout with a refresh token

-- Logging out with a refresh token: a browser whose access token has expired (a tab asleep past its 15
-- minutes) still holds its refresh cookie, and signing out must end the session with that alone rather
-- than leave the cookie able to mint tokens. Whoever holds any refresh token of a session, the newest or
-- one already rotated, may end it: presenting a rotated one to /auth/refresh revokes it already.
create or replace function app_auth.logout_with_refresh_token(token_hash bytea) returns boolean
language plpgsql volatile security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  update app_private.sessions s
  set revoked_at = now()
  from app_private.refresh_tokens rt
  where rt.token_hash = $1 and s.id = rt.session_id and s.revoked_at is null;
  return found;
end;
$$;
alter function app_auth.logout_with_refresh_token(bytea) owner to rowgate_definer;
revoke execute on function app_auth.logout_with_refresh_token(bytea) from public;
grant execute on function app_auth.logout_with_refresh_token(bytea) to app_anonymous;
comment on function app_auth.logout_with_refresh_token(bytea) is 'Revokes the session a refresh token (current or rotated) belongs to; false when there is none left to revoke.';

--! Previous: sha1:dec78f17fd22e3c0ab6b01c0c032021c1e8bca5b
--! Hash: sha1:31fe8774aad8cdb647aee5dfc253a7c1cccc0e06
--! Message: rate limits shared across server processes and replicas

-- RATE_LIMIT_STORE=postgres (server/ops/rate-limit-store.ts): every process and replica of the server
-- counts requests in one table, rate-limiter-flexible's own layout (key, points, expire in epoch ms). The
-- server's pool counts as the authenticator itself, outside any request's transaction; a schema of its
-- own keeps that grant away from app_private, which no login but the owner may reach, and from the API
-- roles, which never see it.
create schema if not exists app_rate_limits;
revoke all on schema app_rate_limits from public;
grant usage on schema app_rate_limits to rowgate_authenticator;
comment on schema app_rate_limits is 'Request counts for rate limits shared by every server process (RATE_LIMIT_STORE=postgres).';

create table if not exists app_rate_limits.counts (
  key varchar(255) primary key,
  points integer not null default 0,
  expire bigint
);
comment on table app_rate_limits.counts is 'Requests per rate-limit key in the current window; expire is in epoch milliseconds.';
grant select, insert, update, delete on app_rate_limits.counts to rowgate_authenticator;

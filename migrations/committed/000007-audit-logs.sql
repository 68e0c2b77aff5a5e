--! Previous: sha1:418f90acfe75c882a73187312d8c302a558ce90b
--! Hash: sha1:b23bdec710142ed671ed054509a2b16b2f6b40ce
--! Message: audit logs

-- One row per committed change of an audited table, written only by the worker. Rows of an organization
-- form a hash chain (seq, prev_hash, hash) so that a later edit or deletion is detectable. The
-- organization is no foreign key: the log of a deleted organization is kept.
create table app_public.audit_logs (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  seq bigint not null check (seq > 0),
  event_key text not null unique,
  action text not null,
  resource_type text not null,
  resource_id uuid not null,
  actor_id uuid,
  details jsonb not null default '{}',
  request_id text,
  ip inet,
  user_agent text,
  prev_hash text,
  hash text not null,
  created_at timestamptz not null default now(),
  unique (organization_id, seq)
);
create index audit_logs_resource_idx on app_public.audit_logs (organization_id, resource_type, resource_id);
create index audit_logs_created_at_idx on app_public.audit_logs (organization_id, created_at);
comment on table app_public.audit_logs is E'@behavior -insert -update -delete\nWho changed what, one row per change. Needs audit:read; written only by the worker.';
comment on column app_public.audit_logs.id is 'The entry''s id.';
comment on column app_public.audit_logs.organization_id is 'The organization.';
comment on column app_public.audit_logs.seq is 'Position in the organization''s chain, from 1.';
comment on column app_public.audit_logs.event_key is 'Identifies the change; makes retried jobs harmless.';
comment on column app_public.audit_logs.action is 'What happened, like `task.created`.';
comment on column app_public.audit_logs.resource_type is 'Kind of record changed, like `task`.';
comment on column app_public.audit_logs.resource_id is 'Id of the record changed.';
comment on column app_public.audit_logs.actor_id is 'Who made the change; null for system changes.';
comment on column app_public.audit_logs.details is 'The changed fields.';
comment on column app_public.audit_logs.request_id is 'The request that made the change.';
comment on column app_public.audit_logs.ip is 'Client address of that request.';
comment on column app_public.audit_logs.user_agent is 'User agent of that request.';
comment on column app_public.audit_logs.prev_hash is 'hash of the previous entry; null for the first.';
comment on column app_public.audit_logs.hash is 'SHA-256 over this entry and prev_hash.';
comment on column app_public.audit_logs.created_at is 'When the entry was written.';

alter table app_public.audit_logs enable row level security;
alter table app_public.audit_logs force row level security;
grant select on app_public.audit_logs to app_user;
grant select, insert on app_public.audit_logs to rowgate_worker;
create policy select_with_permission on app_public.audit_logs for select to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('audit:read')));
create policy select_worker on app_public.audit_logs for select to rowgate_worker using (true);
create policy insert_worker on app_public.audit_logs for insert to rowgate_worker with check (true);

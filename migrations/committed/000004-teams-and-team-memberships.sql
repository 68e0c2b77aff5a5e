--! Previous: sha1:9603621318988ab349cd5f54ef010f2b2ee70657
--! Hash: sha1:2f598022ccec83e4fe83bbd399a7b1cc54d0717a
--! Message: teams and team memberships

create table app_public.teams (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null default app_public.current_organization_id()
    references app_public.organizations on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 100),
  description text not null default '' check (length(description) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, name),
  unique (id, organization_id)
);
comment on table app_public.teams is 'A group of members inside one organization.';
comment on column app_public.teams.id is 'The team''s id.';
comment on column app_public.teams.organization_id is 'The organization; defaults to X-Organization-Id.';
comment on column app_public.teams.name is 'Unique within the organization.';
comment on column app_public.teams.description is 'What the team does.';
comment on column app_public.teams.created_at is 'When the team was created.';
comment on column app_public.teams.updated_at is 'When the team last changed.';
-- (id, organization_id) exists for composite foreign keys only; it is no lookup for clients.
comment on constraint teams_id_organization_id_key on app_public.teams is '@behavior -*';
create trigger _100_timestamps before insert or update on app_public.teams
  for each row execute function app_private.tg__timestamps();

alter table app_public.teams enable row level security;
alter table app_public.teams force row level security;
grant select, delete on app_public.teams to app_user;
grant insert (organization_id, name, description), update (name, description) on app_public.teams to app_user;
create policy select_with_permission on app_public.teams for select to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('teams:read')));
create policy insert_with_permission on app_public.teams for insert to app_user
  with check (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('teams:write')));
create policy update_with_permission on app_public.teams for update to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('teams:write')))
  with check (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('teams:write')));
create policy delete_with_permission on app_public.teams for delete to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('teams:delete')));

-- Only members of the organization can join its teams; leaving the organization leaves its teams.
create table app_public.team_memberships (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null default app_public.current_organization_id(),
  team_id uuid not null,
  user_id uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, team_id, user_id),
  foreign key (team_id, organization_id) references app_public.teams (id, organization_id) on delete cascade,
  foreign key (organization_id, user_id) references app_public.organization_memberships (organization_id, user_id) on delete cascade
);
create index team_memberships_team_id_idx on app_public.team_memberships (team_id, organization_id);
create index team_memberships_user_id_idx on app_public.team_memberships (organization_id, user_id);
comment on table app_public.team_memberships is 'Who is in which team. Adding and removing needs teams:manage_members.';
comment on column app_public.team_memberships.id is 'The team membership''s id.';
comment on column app_public.team_memberships.organization_id is 'The organization; defaults to X-Organization-Id.';
comment on column app_public.team_memberships.team_id is 'The team.';
comment on column app_public.team_memberships.user_id is 'The member in the team.';
comment on column app_public.team_memberships.created_at is 'When the member joined the team.';
comment on column app_public.team_memberships.updated_at is 'When the team membership last changed.';
create trigger _100_timestamps before insert or update on app_public.team_memberships
  for each row execute function app_private.tg__timestamps();

alter table app_public.team_memberships enable row level security;
alter table app_public.team_memberships force row level security;
grant select, delete on app_public.team_memberships to app_user;
grant insert (organization_id, team_id, user_id) on app_public.team_memberships to app_user;
create policy select_with_permission on app_public.team_memberships for select to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('teams:read')));
create policy insert_with_permission on app_public.team_memberships for insert to app_user
  with check (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('teams:manage_members')));
create policy delete_with_permission on app_public.team_memberships for delete to app_user
  using (organization_id = (select app_public.current_organization_id())
    and (select app_public.current_user_has_permission('teams:manage_members')));

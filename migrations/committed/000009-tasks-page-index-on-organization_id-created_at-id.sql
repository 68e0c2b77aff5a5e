--! Previous: sha1:2ed5fc7e578478c20715c349d01aacf1f9e36f0a
--! Hash: sha1:478bd2e65c64b0a8a5d524c00baaecdf83d7752e
--! Message: tasks: page index on (organization_id, created_at, id)

-- Reading a page of tasks (PostGraphile orders by the chosen column, then by id as the tie-break, both
-- in the same direction) walks this index inside the organization, forwards or backwards, and stops
-- after the page, so its cost does not grow with the organization's tasks. It replaces the index on
-- (organization_id, created_at), which left the tie-break to a sort of every task in the organization.
create index tasks_organization_id_created_at_id_idx on app_public.tasks (organization_id, created_at, id);
drop index app_public.tasks_organization_id_idx;

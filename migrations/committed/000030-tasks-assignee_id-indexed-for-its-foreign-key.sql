--! Previous: sha1:d4b454da032d8c8291e9cb403b3b6a5b36bf100d
--! Hash: sha1:160b0ee63d3d2d7e1e0616af97135d1ceb7ee140
--! Message: tasks.assignee_id indexed for its foreign key

--! no-transaction
-- Deleting a user sets tasks.assignee_id to null in every task assigned to them: without an index led by
-- that column (tasks_assignee_id_idx is led by organization_id) that scans the whole tasks table (db:lint
-- unindexed_foreign_key). Built concurrently, so a populated table keeps taking writes meanwhile: one
-- statement outside a transaction, as CONCURRENTLY requires. Should it fail, PostgreSQL leaves an INVALID
-- index of this name: drop it and migrate again.
create index concurrently tasks_assignee_id_fkey_idx on app_public.tasks (assignee_id);

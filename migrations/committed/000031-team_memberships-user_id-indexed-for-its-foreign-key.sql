--! Previous: sha1:160b0ee63d3d2d7e1e0616af97135d1ceb7ee140
--! Hash: sha1:c0dbbb37127ea398ad8cfd003aff15d98caad962
--! Message: team_memberships.user_id indexed for its foreign key

--! no-transaction
-- Deleting a user deletes their team memberships: without an index led by user_id
-- (team_memberships_user_id_idx is led by organization_id) that scans the whole table (db:lint
-- unindexed_foreign_key). Concurrently and alone, as in 000030.
create index concurrently team_memberships_user_id_fkey_idx on app_public.team_memberships (user_id);

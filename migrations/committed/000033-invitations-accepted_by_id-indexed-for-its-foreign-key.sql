--! Previous: sha1:c0db60a25a79365a89bad5c94b25af8cb66219db
--! Hash: sha1:11e791b210ed8195f6ae80db206558376480c11d
--! Message: invitations.accepted_by_id indexed for its foreign key

--! no-transaction
-- Deleting a user sets invitations.accepted_by_id to null where they accepted one: without an index that
-- scans every invitation (db:lint unindexed_foreign_key). Concurrently and alone, as in 000030; 000032 keeps it out of the API.
create index concurrently invitations_accepted_by_id_fkey_idx on app_public.invitations (accepted_by_id);

--! Previous: sha1:c0dbbb37127ea398ad8cfd003aff15d98caad962
--! Hash: sha1:c0db60a25a79365a89bad5c94b25af8cb66219db
--! Message: invitations.accepted_by_id stays out of the API when indexed

-- invitations.accepted_by_id gets an index in the next migration (a user's deletion sets it to null; db:lint
-- unindexed_foreign_key). PostGraphile exposes a backward relation, ordering and filtering only for
-- indexed columns, so the index alone would add User.acceptedInvitations and ACCEPTED_BY_ID ordering to
-- the API. They are not wanted: the index is for PostgreSQL, and the API stays as it was.
comment on constraint invitations_accepted_by_id_fkey on app_public.invitations is E'@fieldName acceptedBy\n@foreignFieldName acceptedInvitations\n@backwardBehavior -*';
comment on column app_public.invitations.accepted_by_id is E'@behavior -orderBy -filterBy\nThe user who accepted it.';

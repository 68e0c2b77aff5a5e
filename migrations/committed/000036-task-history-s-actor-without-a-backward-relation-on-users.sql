--! Previous: sha1:c4cd729f1eec8c9a66d502cfbd2fd9b6257b81d2
--! Hash: sha1:7d6a34c2f37e844ffa7c5533c05cb0b9b3a0f9e4
--! Message: task history's actor without a backward relation on users

-- The actor key of task_histories (000034) also gave User a backward relation, `taskHistories`, that the
-- console does not use and that filters on actor_id, which no index leads (PostGraphile hides backward
-- relations of real foreign keys without an index; a virtual key's it shows). Hidden, as 000032 hides
-- acceptedInvitations: `taskHistory.actor` stays.
comment on table app_public.task_histories is E'@behavior -insert -update -delete\n@foreignKey (task_id) references app_public.tasks (id)|@fieldName task|@foreignFieldName history\n@foreignKey (actor_id) references app_public.users (id)|@fieldName actor|@foreignFieldName taskHistories|@backwardBehavior -*\nWhat happened to a task, one row per change. Readable exactly when the task is (under its own policies); a deleted task''s history is not. Written only by the worker.';

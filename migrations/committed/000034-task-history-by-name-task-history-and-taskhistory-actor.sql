--! Previous: sha1:11e791b210ed8195f6ae80db206558376480c11d
--! Hash: sha1:f47fc49690be27b4afd1b1d237062b5b53de0cdd
--! Message: task history by name: task.history and taskHistory.actor

-- A task's history, readable by name: `task.history` (its entries) and `taskHistory.actor` (who).
-- The console's task page shows what happened to one task and who did it. Until now the API offered
-- only `taskHistories` for the whole organization (no condition on task_id, which leads no index) and
-- `actorId`, an id nobody can read. task_histories has no foreign keys on purpose (an entry outlives its
-- task and its actor, 000005), so these are virtual ones (smart tags), as `auditLog.actor` is (000015).
-- Nothing about who may read changes: the entries come through task_histories' own policy (readable
-- exactly when the task is, 000023), and the actor through users' (a user you share an organization
-- with; null for someone who has left, or for a system change). `task.history` looks entries up by the
-- task under the policy's organization_id, which task_histories_task_id_idx (organization_id, task_id,
-- created_at) serves; `user.taskHistories` (the backward side of `actor`) reads the organization's
-- entries, as `user.auditLogs` does.
comment on table app_public.task_histories is E'@behavior -insert -update -delete\n@foreignKey (task_id) references app_public.tasks (id)|@fieldName task|@foreignFieldName history\n@foreignKey (actor_id) references app_public.users (id)|@fieldName actor|@foreignFieldName taskHistories\nWhat happened to a task, one row per change. Readable exactly when the task is (under its own policies); a deleted task''s history is not. Written only by the worker.';

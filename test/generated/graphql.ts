/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Represents an update to a `Organization`. Fields that are set will be updated. */
export type OrganizationPatch = {
  /** Display name. */
  name?: string | null | undefined;
  /** URL name: lower-case letters, digits and single dashes; unique across rowgate. */
  slug?: string | null | undefined;
};

/** An input for mutations affecting `Role` */
export type RoleInput = {
  /** What the role is for. */
  description?: string | null | undefined;
  /** Unique within the organization. */
  name: string;
  /** The organization; defaults to X-Organization-Id. */
  organizationId?: string | null | undefined;
  /** Permission names from the catalog, `*` for all, or `resource:*` for all of one resource. */
  permissions?: Array<string | null | undefined> | null | undefined;
};

/** Represents an update to a `Role`. Fields that are set will be updated. */
export type RolePatch = {
  /** What the role is for. */
  description?: string | null | undefined;
  /** Unique within the organization. */
  name?: string | null | undefined;
  /** Permission names from the catalog, `*` for all, or `resource:*` for all of one resource. */
  permissions?: Array<string | null | undefined> | null | undefined;
};

/** An input for mutations affecting `TaskDependency` */
export type TaskDependencyInput = {
  /** The task it depends on (for BLOCKS: the one that must finish first). */
  dependsOnTaskId: string;
  /** The organization; defaults to X-Organization-Id. */
  organizationId?: string | null | undefined;
  /** The dependent task. */
  taskId: string;
  /** Kind of link. */
  type?: TaskDependencyType | null | undefined;
};

/** Represents an update to a `TaskDependency`. Fields that are set will be updated. */
export type TaskDependencyPatch = {
  /** Kind of link. */
  type?: TaskDependencyType | null | undefined;
};

/** BLOCKS: the task cannot finish before the other one; RELATES_TO: a plain link. */
export type TaskDependencyType =
  | 'BLOCKS'
  | 'RELATES_TO';

/** An input for mutations affecting `Task` */
export type TaskInput = {
  /** The member working on it; changing it needs tasks:assign. */
  assigneeId?: string | null | undefined;
  /** Longer text. */
  description?: string | null | undefined;
  /** Free-form JSON object (at most 64 KiB). */
  metadata?: unknown;
  /** The organization; defaults to X-Organization-Id. */
  organizationId?: string | null | undefined;
  /** How urgent the task is. */
  priority?: TaskPriority | null | undefined;
  /** Where the task stands; COMPLETED sets completedAt. */
  status?: TaskStatus | null | undefined;
  /** The team owning it. */
  teamId?: string | null | undefined;
  /** Short summary, 1 to 500 characters. */
  title: string;
};

/** Represents an update to a `Task`. Fields that are set will be updated. */
export type TaskPatch = {
  /** The member working on it; changing it needs tasks:assign. */
  assigneeId?: string | null | undefined;
  /** Longer text. */
  description?: string | null | undefined;
  /** Free-form JSON object (at most 64 KiB). */
  metadata?: unknown;
  /** How urgent the task is. */
  priority?: TaskPriority | null | undefined;
  /** Where the task stands; COMPLETED sets completedAt. */
  status?: TaskStatus | null | undefined;
  /** The team owning it. */
  teamId?: string | null | undefined;
  /** Short summary, 1 to 500 characters. */
  title?: string | null | undefined;
};

/** How urgent a task is. */
export type TaskPriority =
  | 'CRITICAL'
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** Where a task stands. */
export type TaskStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'IN_PROGRESS'
  | 'PENDING';

/** An input for mutations affecting `Team` */
export type TeamInput = {
  /** What the team does. */
  description?: string | null | undefined;
  /** Unique within the organization. */
  name: string;
  /** The organization; defaults to X-Organization-Id. */
  organizationId?: string | null | undefined;
};

/** An input for mutations affecting `TeamMembership` */
export type TeamMembershipInput = {
  /** The organization; defaults to X-Organization-Id. */
  organizationId?: string | null | undefined;
  /** The team. */
  teamId: string;
  /** The member in the team. */
  userId: string;
};

/** Represents an update to a `Team`. Fields that are set will be updated. */
export type TeamPatch = {
  /** What the team does. */
  description?: string | null | undefined;
  /** Unique within the organization. */
  name?: string | null | undefined;
};

/** Represents an update to a `User`. Fields that are set will be updated. */
export type UserPatch = {
  /** Display name; only the user may change it. */
  name?: string | null | undefined;
};

/** An input for mutations affecting `UserRole` */
export type UserRoleInput = {
  /** The organization; defaults to X-Organization-Id. */
  organizationId?: string | null | undefined;
  /** The role held. */
  roleId: string;
  /** The member holding the role. */
  userId: string;
};

export type AuditLogsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type AuditLogsQuery = { auditLogs: { totalCount: number, nodes: Array<{ id: string, rowId: string, organizationId: string, seq: string, action: string, resourceType: string, resourceId: string, actorId: string | null, details: unknown, prevHash: string | null, hash: string, createdAt: string }> } | null };

export type AuditLogQueryVariables = Exact<{
  rowId: string;
}>;


export type AuditLogQuery = { auditLog: { id: string, rowId: string, organizationId: string, seq: string, action: string } | null };

export type AuditLogByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type AuditLogByIdQuery = { auditLogById: { id: string, rowId: string, organizationId: string } | null };

export type AuditLogByEventKeyQueryVariables = Exact<{
  eventKey: string;
}>;


export type AuditLogByEventKeyQuery = { auditLogByEventKey: { id: string, rowId: string, organizationId: string } | null };

export type AuditLogByOrganizationIdAndSeqQueryVariables = Exact<{
  organizationId: string;
  seq: string;
}>;


export type AuditLogByOrganizationIdAndSeqQuery = { auditLogByOrganizationIdAndSeq: { id: string, rowId: string, organizationId: string } | null };

export type AuditVerifyChainQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditVerifyChainQuery = { verifyAuditChain: { ok: boolean | null, checked: string | null, brokenSeq: string | null, setAside: number | null } | null };

export type AuditInviteMutationVariables = Exact<{
  email: string;
  roleId: string;
}>;


export type AuditInviteMutation = { inviteToOrganization: { result: { rowId: string, organizationId: string, email: string } | null } | null };

export type AuditAcceptInvitationMutationVariables = Exact<{
  token: string;
}>;


export type AuditAcceptInvitationMutation = { acceptInvitation: { result: { rowId: string } | null } | null };

export type AuditLogEntriesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type AuditLogEntriesQuery = { auditLogs: { totalCount: number, nodes: Array<{ rowId: string, organizationId: string, seq: string, action: string, resourceType: string, resourceId: string, actorId: string | null, requestId: string | null, ip: string | null, userAgent: string | null }> } | null };

export type CurrentUserQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentUserQuery = { currentUserPermissions: Array<string> | null, currentUser: { rowId: string, email: string, name: string } | null };

export type TaskHistoriesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type TaskHistoriesQuery = { taskHistories: { totalCount: number, nodes: Array<{ id: string, rowId: string, organizationId: string, taskId: string, action: string, actorId: string | null, changes: unknown, createdAt: string }> } | null };

export type TaskHistoryQueryVariables = Exact<{
  rowId: string;
}>;


export type TaskHistoryQuery = { taskHistory: { id: string, rowId: string, organizationId: string, taskId: string, action: string } | null };

export type TaskHistoryByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type TaskHistoryByIdQuery = { taskHistoryById: { id: string, rowId: string, organizationId: string } | null };

export type TaskHistoryByEventKeyQueryVariables = Exact<{
  eventKey: string;
}>;


export type TaskHistoryByEventKeyQuery = { taskHistoryByEventKey: { id: string, rowId: string, organizationId: string } | null };

export type InviteToOrganizationMutationVariables = Exact<{
  email: string;
  roleId: string;
}>;


export type InviteToOrganizationMutation = { inviteToOrganization: { result: { id: string, rowId: string, organizationId: string, email: string, roleId: string, invitedById: string | null, expiresAt: string, acceptedAt: string | null, acceptedById: string | null, createdAt: string, updatedAt: string } | null } | null };

export type AcceptInvitationMutationVariables = Exact<{
  token: string;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { result: { id: string, rowId: string, name: string, slug: string } | null } | null };

export type InvitationsAllFieldsQueryVariables = Exact<{ [key: string]: never; }>;


export type InvitationsAllFieldsQuery = { invitations: { totalCount: number, nodes: Array<{ id: string, rowId: string, organizationId: string, email: string, roleId: string, invitedById: string | null, expiresAt: string, acceptedAt: string | null, acceptedById: string | null, createdAt: string, updatedAt: string }> } | null };

export type InvitationsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type InvitationsQuery = { invitations: { totalCount: number, nodes: Array<{ id: string, rowId: string, organizationId: string, email: string, roleId: string, invitedById: string | null, expiresAt: string, acceptedAt: string | null }> } | null };

export type InvitationQueryVariables = Exact<{
  rowId: string;
}>;


export type InvitationQuery = { invitation: { id: string, rowId: string, organizationId: string, email: string } | null };

export type InvitationByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type InvitationByIdQuery = { invitationById: { id: string, rowId: string, organizationId: string } | null };

export type DeleteInvitationMutationVariables = Exact<{
  rowId: string;
}>;


export type DeleteInvitationMutation = { deleteInvitation: { invitation: { rowId: string } | null } | null };

export type DeleteInvitationByIdMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteInvitationByIdMutation = { deleteInvitationById: { invitation: { rowId: string } | null } | null };

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { __typename: 'AuditLog', id: string }
    | { __typename: 'Invitation', id: string }
    | { __typename: 'Organization', id: string }
    | { __typename: 'OrganizationMembership', id: string }
    | { __typename: 'Permission', id: string }
    | { __typename: 'Query', id: string }
    | { __typename: 'Role', id: string }
    | { __typename: 'SecurityEvent', id: string }
    | { __typename: 'Task', id: string }
    | { __typename: 'TaskDependency', id: string }
    | { __typename: 'TaskHistory', id: string }
    | { __typename: 'Team', id: string }
    | { __typename: 'TeamMembership', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'UserRole', id: string }
   | null };

export type OrganizationQueryVariables = Exact<{
  rowId: string;
}>;


export type OrganizationQuery = { organization: { id: string, rowId: string, name: string, slug: string } | null };

export type OrganizationByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizationByIdQuery = { organizationById: { id: string, rowId: string, name: string } | null };

export type OrganizationBySlugQueryVariables = Exact<{
  slug: string;
}>;


export type OrganizationBySlugQuery = { organizationBySlug: { id: string, rowId: string } | null };

export type OrganizationRelationsQueryVariables = Exact<{
  rowId: string;
}>;


export type OrganizationRelationsQuery = { organization: { rowId: string, tasks: { totalCount: number, nodes: Array<{ rowId: string, organizationId: string }> }, teams: { totalCount: number, nodes: Array<{ rowId: string, organizationId: string }> }, roles: { totalCount: number, nodes: Array<{ rowId: string, organizationId: string }> }, members: { totalCount: number, nodes: Array<{ rowId: string, organizationId: string }> }, invitations: { totalCount: number, nodes: Array<{ rowId: string, organizationId: string }> } } | null };

export type UpdateOrganizationMutationVariables = Exact<{
  rowId: string;
  patch: OrganizationPatch;
}>;


export type UpdateOrganizationMutation = { updateOrganization: { organization: { rowId: string, name: string, slug: string } | null } | null };

export type UpdateOrganizationByIdMutationVariables = Exact<{
  id: string | number;
  patch: OrganizationPatch;
}>;


export type UpdateOrganizationByIdMutation = { updateOrganizationById: { organization: { rowId: string, name: string, slug: string } | null } | null };

export type DeleteOrganizationMutationVariables = Exact<{
  rowId: string;
}>;


export type DeleteOrganizationMutation = { deleteOrganization: { organization: { rowId: string } | null } | null };

export type DeleteOrganizationByIdMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteOrganizationByIdMutation = { deleteOrganizationById: { organization: { rowId: string } | null } | null };

export type UpdateOrganizationBySlugMutationVariables = Exact<{
  slug: string;
  patch: OrganizationPatch;
}>;


export type UpdateOrganizationBySlugMutation = { updateOrganizationBySlug: { organization: { rowId: string, name: string, slug: string } | null } | null };

export type DeleteOrganizationBySlugMutationVariables = Exact<{
  slug: string;
}>;


export type DeleteOrganizationBySlugMutation = { deleteOrganizationBySlug: { organization: { rowId: string } | null } | null };

export type MyOrganizationsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type MyOrganizationsQuery = { organizations: { totalCount: number, nodes: Array<{ id: string, rowId: string, name: string, slug: string }> } | null };

export type OrganizationMembershipsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type OrganizationMembershipsQuery = { organizationMemberships: { totalCount: number, nodes: Array<{ id: string, rowId: string, organizationId: string, userId: string }> } | null };

export type OrganizationMembershipQueryVariables = Exact<{
  rowId: string;
}>;


export type OrganizationMembershipQuery = { organizationMembership: { id: string, rowId: string, organizationId: string, userId: string } | null };

export type OrganizationMembershipByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizationMembershipByIdQuery = { organizationMembershipById: { id: string, rowId: string, organizationId: string } | null };

export type DeleteOrganizationMembershipMutationVariables = Exact<{
  rowId: string;
}>;


export type DeleteOrganizationMembershipMutation = { deleteOrganizationMembership: { organizationMembership: { rowId: string } | null } | null };

export type DeleteOrganizationMembershipByIdMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteOrganizationMembershipByIdMutation = { deleteOrganizationMembershipById: { organizationMembership: { rowId: string } | null } | null };

export type OrganizationMembershipByOrganizationIdAndUserIdQueryVariables = Exact<{
  organizationId: string;
  userId: string;
}>;


export type OrganizationMembershipByOrganizationIdAndUserIdQuery = { organizationMembershipByOrganizationIdAndUserId: { id: string, rowId: string, organizationId: string } | null };

export type DeleteOrganizationMembershipByOrganizationIdAndUserIdMutationVariables = Exact<{
  organizationId: string;
  userId: string;
}>;


export type DeleteOrganizationMembershipByOrganizationIdAndUserIdMutation = { deleteOrganizationMembershipByOrganizationIdAndUserId: { organizationMembership: { rowId: string } | null } | null };

export type CreateOrganizationMutationVariables = Exact<{
  name: string;
  slug: string;
}>;


export type CreateOrganizationMutation = { createOrganization: { organization: { id: string, rowId: string, name: string, slug: string } | null } | null };

export type PermissionsQueryVariables = Exact<{ [key: string]: never; }>;


export type PermissionsQuery = { permissions: { totalCount: number, nodes: Array<{ id: string, name: string }> } | null };

export type RolesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type RolesQuery = { roles: { totalCount: number, nodes: Array<{ id: string, rowId: string, organizationId: string, name: string, permissions: Array<string>, isSystem: boolean }> } | null };

export type RoleQueryVariables = Exact<{
  rowId: string;
}>;


export type RoleQuery = { role: { id: string, rowId: string, organizationId: string, name: string, permissions: Array<string> } | null };

export type RoleByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type RoleByIdQuery = { roleById: { id: string, rowId: string, organizationId: string } | null };

export type CreateRoleMutationVariables = Exact<{
  role: RoleInput;
}>;


export type CreateRoleMutation = { createRole: { role: { id: string, rowId: string, organizationId: string, name: string, permissions: Array<string> } | null } | null };

export type UpdateRoleMutationVariables = Exact<{
  rowId: string;
  patch: RolePatch;
}>;


export type UpdateRoleMutation = { updateRole: { role: { rowId: string, name: string, permissions: Array<string> } | null } | null };

export type UpdateRoleByIdMutationVariables = Exact<{
  id: string | number;
  patch: RolePatch;
}>;


export type UpdateRoleByIdMutation = { updateRoleById: { role: { rowId: string, name: string, permissions: Array<string> } | null } | null };

export type DeleteRoleMutationVariables = Exact<{
  rowId: string;
}>;


export type DeleteRoleMutation = { deleteRole: { role: { rowId: string } | null } | null };

export type DeleteRoleByIdMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteRoleByIdMutation = { deleteRoleById: { role: { rowId: string } | null } | null };

export type RoleByOrganizationIdAndNameQueryVariables = Exact<{
  organizationId: string;
  name: string;
}>;


export type RoleByOrganizationIdAndNameQuery = { roleByOrganizationIdAndName: { id: string, rowId: string, organizationId: string } | null };

export type UpdateRoleByOrganizationIdAndNameMutationVariables = Exact<{
  organizationId: string;
  name: string;
  patch: RolePatch;
}>;


export type UpdateRoleByOrganizationIdAndNameMutation = { updateRoleByOrganizationIdAndName: { role: { rowId: string, name: string, permissions: Array<string> } | null } | null };

export type DeleteRoleByOrganizationIdAndNameMutationVariables = Exact<{
  organizationId: string;
  name: string;
}>;


export type DeleteRoleByOrganizationIdAndNameMutation = { deleteRoleByOrganizationIdAndName: { role: { rowId: string } | null } | null };

export type TaskDependenciesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type TaskDependenciesQuery = { taskDependencies: { totalCount: number, nodes: Array<{ id: string, rowId: string, organizationId: string, taskId: string, dependsOnTaskId: string, type: TaskDependencyType }> } | null };

export type TaskDependencyQueryVariables = Exact<{
  rowId: string;
}>;


export type TaskDependencyQuery = { taskDependency: { id: string, rowId: string, organizationId: string, taskId: string, dependsOnTaskId: string, type: TaskDependencyType } | null };

export type TaskDependencyByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type TaskDependencyByIdQuery = { taskDependencyById: { id: string, rowId: string, organizationId: string } | null };

export type CreateTaskDependencyMutationVariables = Exact<{
  taskDependency: TaskDependencyInput;
}>;


export type CreateTaskDependencyMutation = { createTaskDependency: { taskDependency: { id: string, rowId: string, organizationId: string, taskId: string, dependsOnTaskId: string, type: TaskDependencyType } | null } | null };

export type UpdateTaskDependencyMutationVariables = Exact<{
  rowId: string;
  patch: TaskDependencyPatch;
}>;


export type UpdateTaskDependencyMutation = { updateTaskDependency: { taskDependency: { rowId: string, type: TaskDependencyType } | null } | null };

export type UpdateTaskDependencyByIdMutationVariables = Exact<{
  id: string | number;
  patch: TaskDependencyPatch;
}>;


export type UpdateTaskDependencyByIdMutation = { updateTaskDependencyById: { taskDependency: { rowId: string, type: TaskDependencyType } | null } | null };

export type DeleteTaskDependencyMutationVariables = Exact<{
  rowId: string;
}>;


export type DeleteTaskDependencyMutation = { deleteTaskDependency: { taskDependency: { rowId: string } | null } | null };

export type DeleteTaskDependencyByIdMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteTaskDependencyByIdMutation = { deleteTaskDependencyById: { taskDependency: { rowId: string } | null } | null };

export type TaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdQueryVariables = Exact<{
  organizationId: string;
  taskId: string;
  dependsOnTaskId: string;
}>;


export type TaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdQuery = { taskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskId: { id: string, rowId: string, organizationId: string } | null };

export type UpdateTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdMutationVariables = Exact<{
  organizationId: string;
  taskId: string;
  dependsOnTaskId: string;
  patch: TaskDependencyPatch;
}>;


export type UpdateTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdMutation = { updateTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskId: { taskDependency: { rowId: string, type: TaskDependencyType } | null } | null };

export type DeleteTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdMutationVariables = Exact<{
  organizationId: string;
  taskId: string;
  dependsOnTaskId: string;
}>;


export type DeleteTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdMutation = { deleteTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskId: { taskDependency: { rowId: string } | null } | null };

export type TaskByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type TaskByIdQuery = { taskById: { id: string, rowId: string, organizationId: string, title: string } | null };

export type UpdateTaskByIdMutationVariables = Exact<{
  id: string | number;
  patch: TaskPatch;
}>;


export type UpdateTaskByIdMutation = { updateTaskById: { task: { rowId: string, title: string, status: TaskStatus } | null } | null };

export type DeleteTaskByIdMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteTaskByIdMutation = { deleteTaskById: { task: { rowId: string } | null } | null };

export type TaskRelationsQueryVariables = Exact<{
  rowId: string;
}>;


export type TaskRelationsQuery = { task: { rowId: string, organizationId: string, organization: { rowId: string } | null, team: { rowId: string, organizationId: string } | null, assignee: { rowId: string } | null, dependencies: { totalCount: number, nodes: Array<{ rowId: string, organizationId: string }> }, dependents: { totalCount: number, nodes: Array<{ rowId: string, organizationId: string }> } } | null };

export type CreateTaskMutationVariables = Exact<{
  task: TaskInput;
}>;


export type CreateTaskMutation = { createTask: { task: { id: string, rowId: string, organizationId: string, title: string, status: TaskStatus, priority: TaskPriority, createdById: string | null } | null } | null };

export type TasksQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type TasksQuery = { tasks: { totalCount: number, nodes: Array<{ id: string, rowId: string, organizationId: string, title: string, status: TaskStatus }> } | null };

export type TaskQueryVariables = Exact<{
  rowId: string;
}>;


export type TaskQuery = { task: { id: string, rowId: string, organizationId: string, title: string } | null };

export type UpdateTaskMutationVariables = Exact<{
  rowId: string;
  patch: TaskPatch;
}>;


export type UpdateTaskMutation = { updateTask: { task: { rowId: string, title: string, status: TaskStatus, completedAt: string | null } | null } | null };

export type DeleteTaskMutationVariables = Exact<{
  rowId: string;
}>;


export type DeleteTaskMutation = { deleteTask: { task: { rowId: string } | null } | null };

export type TasksPageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type TasksPageQuery = { tasks: { nodes: Array<{ id: string, rowId: string, title: string, status: TaskStatus, priority: TaskPriority, assigneeId: string | null, teamId: string | null, createdAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type TeamMembershipsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type TeamMembershipsQuery = { teamMemberships: { totalCount: number, nodes: Array<{ id: string, rowId: string, organizationId: string, teamId: string, userId: string }> } | null };

export type TeamMembershipQueryVariables = Exact<{
  rowId: string;
}>;


export type TeamMembershipQuery = { teamMembership: { id: string, rowId: string, organizationId: string, teamId: string, userId: string } | null };

export type TeamMembershipByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type TeamMembershipByIdQuery = { teamMembershipById: { id: string, rowId: string, organizationId: string } | null };

export type CreateTeamMembershipMutationVariables = Exact<{
  teamMembership: TeamMembershipInput;
}>;


export type CreateTeamMembershipMutation = { createTeamMembership: { teamMembership: { id: string, rowId: string, organizationId: string, teamId: string, userId: string } | null } | null };

export type DeleteTeamMembershipMutationVariables = Exact<{
  rowId: string;
}>;


export type DeleteTeamMembershipMutation = { deleteTeamMembership: { teamMembership: { rowId: string } | null } | null };

export type DeleteTeamMembershipByIdMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteTeamMembershipByIdMutation = { deleteTeamMembershipById: { teamMembership: { rowId: string } | null } | null };

export type TeamMembershipByOrganizationIdAndTeamIdAndUserIdQueryVariables = Exact<{
  organizationId: string;
  teamId: string;
  userId: string;
}>;


export type TeamMembershipByOrganizationIdAndTeamIdAndUserIdQuery = { teamMembershipByOrganizationIdAndTeamIdAndUserId: { id: string, rowId: string, organizationId: string } | null };

export type DeleteTeamMembershipByOrganizationIdAndTeamIdAndUserIdMutationVariables = Exact<{
  organizationId: string;
  teamId: string;
  userId: string;
}>;


export type DeleteTeamMembershipByOrganizationIdAndTeamIdAndUserIdMutation = { deleteTeamMembershipByOrganizationIdAndTeamIdAndUserId: { teamMembership: { rowId: string } | null } | null };

export type TeamsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type TeamsQuery = { teams: { totalCount: number, nodes: Array<{ id: string, rowId: string, organizationId: string, name: string, description: string }> } | null };

export type TeamQueryVariables = Exact<{
  rowId: string;
}>;


export type TeamQuery = { team: { id: string, rowId: string, organizationId: string, name: string } | null };

export type TeamByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type TeamByIdQuery = { teamById: { id: string, rowId: string, organizationId: string } | null };

export type CreateTeamMutationVariables = Exact<{
  team: TeamInput;
}>;


export type CreateTeamMutation = { createTeam: { team: { id: string, rowId: string, organizationId: string, name: string } | null } | null };

export type UpdateTeamMutationVariables = Exact<{
  rowId: string;
  patch: TeamPatch;
}>;


export type UpdateTeamMutation = { updateTeam: { team: { rowId: string, name: string, description: string } | null } | null };

export type UpdateTeamByIdMutationVariables = Exact<{
  id: string | number;
  patch: TeamPatch;
}>;


export type UpdateTeamByIdMutation = { updateTeamById: { team: { rowId: string, name: string, description: string } | null } | null };

export type DeleteTeamMutationVariables = Exact<{
  rowId: string;
}>;


export type DeleteTeamMutation = { deleteTeam: { team: { rowId: string } | null } | null };

export type DeleteTeamByIdMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteTeamByIdMutation = { deleteTeamById: { team: { rowId: string } | null } | null };

export type TeamByOrganizationIdAndNameQueryVariables = Exact<{
  organizationId: string;
  name: string;
}>;


export type TeamByOrganizationIdAndNameQuery = { teamByOrganizationIdAndName: { id: string, rowId: string, organizationId: string } | null };

export type UpdateTeamByOrganizationIdAndNameMutationVariables = Exact<{
  organizationId: string;
  name: string;
  patch: TeamPatch;
}>;


export type UpdateTeamByOrganizationIdAndNameMutation = { updateTeamByOrganizationIdAndName: { team: { rowId: string, name: string, description: string } | null } | null };

export type DeleteTeamByOrganizationIdAndNameMutationVariables = Exact<{
  organizationId: string;
  name: string;
}>;


export type DeleteTeamByOrganizationIdAndNameMutation = { deleteTeamByOrganizationIdAndName: { team: { rowId: string } | null } | null };

export type UserRolesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type UserRolesQuery = { userRoles: { totalCount: number, nodes: Array<{ id: string, rowId: string, organizationId: string, userId: string, roleId: string }> } | null };

export type UserRoleQueryVariables = Exact<{
  rowId: string;
}>;


export type UserRoleQuery = { userRole: { id: string, rowId: string, organizationId: string, userId: string, roleId: string } | null };

export type UserRoleByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type UserRoleByIdQuery = { userRoleById: { id: string, rowId: string, organizationId: string } | null };

export type CreateUserRoleMutationVariables = Exact<{
  userRole: UserRoleInput;
}>;


export type CreateUserRoleMutation = { createUserRole: { userRole: { id: string, rowId: string, organizationId: string, userId: string, roleId: string } | null } | null };

export type DeleteUserRoleMutationVariables = Exact<{
  rowId: string;
}>;


export type DeleteUserRoleMutation = { deleteUserRole: { userRole: { rowId: string } | null } | null };

export type DeleteUserRoleByIdMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteUserRoleByIdMutation = { deleteUserRoleById: { userRole: { rowId: string } | null } | null };

export type UserRoleByOrganizationIdAndUserIdAndRoleIdQueryVariables = Exact<{
  organizationId: string;
  userId: string;
  roleId: string;
}>;


export type UserRoleByOrganizationIdAndUserIdAndRoleIdQuery = { userRoleByOrganizationIdAndUserIdAndRoleId: { id: string, rowId: string, organizationId: string } | null };

export type DeleteUserRoleByOrganizationIdAndUserIdAndRoleIdMutationVariables = Exact<{
  organizationId: string;
  userId: string;
  roleId: string;
}>;


export type DeleteUserRoleByOrganizationIdAndUserIdAndRoleIdMutation = { deleteUserRoleByOrganizationIdAndUserIdAndRoleId: { userRole: { rowId: string } | null } | null };

export type UsersQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type UsersQuery = { users: { totalCount: number, nodes: Array<{ id: string, rowId: string, name: string, email: string }> } | null };

export type UserQueryVariables = Exact<{
  rowId: string;
}>;


export type UserQuery = { user: { id: string, rowId: string, name: string, email: string } | null };

export type UserByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type UserByIdQuery = { userById: { id: string, rowId: string, name: string } | null };

export type UserRelationsQueryVariables = Exact<{
  rowId: string;
}>;


export type UserRelationsQuery = { user: { rowId: string, organizationMemberships: { totalCount: number, nodes: Array<{ rowId: string, organizationId: string }> }, createdTasks: { totalCount: number, nodes: Array<{ rowId: string, organizationId: string }> } } | null };

export type UpdateUserMutationVariables = Exact<{
  rowId: string;
  patch: UserPatch;
}>;


export type UpdateUserMutation = { updateUser: { user: { rowId: string, name: string } | null } | null };

export type UpdateUserByIdMutationVariables = Exact<{
  id: string | number;
  patch: UserPatch;
}>;


export type UpdateUserByIdMutation = { updateUserById: { user: { rowId: string, name: string } | null } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const AuditLogsDocument = new TypedDocumentString(`
    query AuditLogs($first: Int) {
  auditLogs(first: $first, orderBy: [PRIMARY_KEY_ASC]) {
    totalCount
    nodes {
      id
      rowId
      organizationId
      seq
      action
      resourceType
      resourceId
      actorId
      details
      prevHash
      hash
      createdAt
    }
  }
}
    `, {"hash":"sha256:1fec22b81820c1e796040a5d5a1a8aae0de7203f5cd63fe285ed938cec408b0a"}) as unknown as TypedDocumentString<AuditLogsQuery, AuditLogsQueryVariables>;
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($rowId: UUID!) {
  auditLog(rowId: $rowId) {
    id
    rowId
    organizationId
    seq
    action
  }
}
    `, {"hash":"sha256:f2430c59846e56edcea1927deb0fe86664aac97d987c574e63b09d6450bb7e10"}) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const AuditLogByIdDocument = new TypedDocumentString(`
    query AuditLogById($id: ID!) {
  auditLogById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:c5bd2a9a92fba9ea5098dc348b810df2722163bd0f90b25e289688ea9d16c8be"}) as unknown as TypedDocumentString<AuditLogByIdQuery, AuditLogByIdQueryVariables>;
export const AuditLogByEventKeyDocument = new TypedDocumentString(`
    query AuditLogByEventKey($eventKey: String!) {
  auditLogByEventKey(eventKey: $eventKey) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:8b22c3add700742579cd936a9a6e7fac1015336e7448d6266205768251a7e56c"}) as unknown as TypedDocumentString<AuditLogByEventKeyQuery, AuditLogByEventKeyQueryVariables>;
export const AuditLogByOrganizationIdAndSeqDocument = new TypedDocumentString(`
    query AuditLogByOrganizationIdAndSeq($organizationId: UUID!, $seq: BigInt!) {
  auditLogByOrganizationIdAndSeq(organizationId: $organizationId, seq: $seq) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:7316a5dcc4888ca814143e36db472933c2f065fad09dcee7c8c313f97f21dcbd"}) as unknown as TypedDocumentString<AuditLogByOrganizationIdAndSeqQuery, AuditLogByOrganizationIdAndSeqQueryVariables>;
export const AuditVerifyChainDocument = new TypedDocumentString(`
    query AuditVerifyChain {
  verifyAuditChain {
    ok
    checked
    brokenSeq
    setAside
  }
}
    `, {"hash":"sha256:f78d1c41eb3faa3d83e52dc708905c3da0893cad191133b027520363c1970ea3"}) as unknown as TypedDocumentString<AuditVerifyChainQuery, AuditVerifyChainQueryVariables>;
export const AuditInviteDocument = new TypedDocumentString(`
    mutation AuditInvite($email: String!, $roleId: UUID!) {
  inviteToOrganization(input: {email: $email, roleId: $roleId}) {
    result {
      rowId
      organizationId
      email
    }
  }
}
    `, {"hash":"sha256:53809f0b03967e0c567b5da15592dd02e7caea9efb7dd9478e2d2bbc18c34396"}) as unknown as TypedDocumentString<AuditInviteMutation, AuditInviteMutationVariables>;
export const AuditAcceptInvitationDocument = new TypedDocumentString(`
    mutation AuditAcceptInvitation($token: String!) {
  acceptInvitation(input: {token: $token}) {
    result {
      rowId
    }
  }
}
    `, {"hash":"sha256:c4edb57550be76d7fc6d1e6d6930e377f77f001a2cac794c95437f08798e07ad"}) as unknown as TypedDocumentString<AuditAcceptInvitationMutation, AuditAcceptInvitationMutationVariables>;
export const AuditLogEntriesDocument = new TypedDocumentString(`
    query AuditLogEntries($first: Int) {
  auditLogs(first: $first, orderBy: [PRIMARY_KEY_ASC]) {
    totalCount
    nodes {
      rowId
      organizationId
      seq
      action
      resourceType
      resourceId
      actorId
      requestId
      ip
      userAgent
    }
  }
}
    `, {"hash":"sha256:2b3cbf24f25ac815d4f96d55e8039dcad105013708785336bb1e7804b30ac13b"}) as unknown as TypedDocumentString<AuditLogEntriesQuery, AuditLogEntriesQueryVariables>;
export const CurrentUserDocument = new TypedDocumentString(`
    query CurrentUser {
  currentUser {
    rowId
    email
    name
  }
  currentUserPermissions
}
    `, {"hash":"sha256:2ff8777be9906c521bb1369d3fb555879133266e045e01e2a545c5ba3d021a9e"}) as unknown as TypedDocumentString<CurrentUserQuery, CurrentUserQueryVariables>;
export const TaskHistoriesDocument = new TypedDocumentString(`
    query TaskHistories($first: Int) {
  taskHistories(first: $first, orderBy: [PRIMARY_KEY_ASC]) {
    totalCount
    nodes {
      id
      rowId
      organizationId
      taskId
      action
      actorId
      changes
      createdAt
    }
  }
}
    `, {"hash":"sha256:50b8925c4fe260715f677709c9018acd339fb7416ddf5dc305d7752ebbba0f64"}) as unknown as TypedDocumentString<TaskHistoriesQuery, TaskHistoriesQueryVariables>;
export const TaskHistoryDocument = new TypedDocumentString(`
    query TaskHistory($rowId: UUID!) {
  taskHistory(rowId: $rowId) {
    id
    rowId
    organizationId
    taskId
    action
  }
}
    `, {"hash":"sha256:e6374d289ec1c0f9dc68e6f5bdcea4af13c55af33173e851e45346c898e97266"}) as unknown as TypedDocumentString<TaskHistoryQuery, TaskHistoryQueryVariables>;
export const TaskHistoryByIdDocument = new TypedDocumentString(`
    query TaskHistoryById($id: ID!) {
  taskHistoryById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:eed7259a3ef47a8d9540d81554e6db7db7c2177837fc75488e76718c464c3879"}) as unknown as TypedDocumentString<TaskHistoryByIdQuery, TaskHistoryByIdQueryVariables>;
export const TaskHistoryByEventKeyDocument = new TypedDocumentString(`
    query TaskHistoryByEventKey($eventKey: String!) {
  taskHistoryByEventKey(eventKey: $eventKey) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:10003716ce3a8d84d4719be6f7f00ee68185a6c2e65c860b1627c0eedd55f745"}) as unknown as TypedDocumentString<TaskHistoryByEventKeyQuery, TaskHistoryByEventKeyQueryVariables>;
export const InviteToOrganizationDocument = new TypedDocumentString(`
    mutation InviteToOrganization($email: String!, $roleId: UUID!) {
  inviteToOrganization(input: {email: $email, roleId: $roleId}) {
    result {
      id
      rowId
      organizationId
      email
      roleId
      invitedById
      expiresAt
      acceptedAt
      acceptedById
      createdAt
      updatedAt
    }
  }
}
    `, {"hash":"sha256:e5a7164721d767211cd457da0ec34ef0f21144c117be6bc246da584b388b32e1"}) as unknown as TypedDocumentString<InviteToOrganizationMutation, InviteToOrganizationMutationVariables>;
export const AcceptInvitationDocument = new TypedDocumentString(`
    mutation AcceptInvitation($token: String!) {
  acceptInvitation(input: {token: $token}) {
    result {
      id
      rowId
      name
      slug
    }
  }
}
    `, {"hash":"sha256:9806c192fbff0a9c5b2cacb86f55a78190350b791f738fa7553c539b358ebd9b"}) as unknown as TypedDocumentString<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const InvitationsAllFieldsDocument = new TypedDocumentString(`
    query InvitationsAllFields {
  invitations(orderBy: [PRIMARY_KEY_ASC]) {
    totalCount
    nodes {
      id
      rowId
      organizationId
      email
      roleId
      invitedById
      expiresAt
      acceptedAt
      acceptedById
      createdAt
      updatedAt
    }
  }
}
    `, {"hash":"sha256:518e93c92886f3a77afa543c1a1f2fe02baf308295a99b36186d681c53291201"}) as unknown as TypedDocumentString<InvitationsAllFieldsQuery, InvitationsAllFieldsQueryVariables>;
export const InvitationsDocument = new TypedDocumentString(`
    query Invitations($first: Int) {
  invitations(first: $first, orderBy: [PRIMARY_KEY_ASC]) {
    totalCount
    nodes {
      id
      rowId
      organizationId
      email
      roleId
      invitedById
      expiresAt
      acceptedAt
    }
  }
}
    `, {"hash":"sha256:046d8ffc4d396773cd301273764f8bf0b0efab7775ea8ed9bbd9ec1910a7f867"}) as unknown as TypedDocumentString<InvitationsQuery, InvitationsQueryVariables>;
export const InvitationDocument = new TypedDocumentString(`
    query Invitation($rowId: UUID!) {
  invitation(rowId: $rowId) {
    id
    rowId
    organizationId
    email
  }
}
    `, {"hash":"sha256:c25d7b43fa70387a8c462afda9412c0126fc6f5ac3ff2daf75bb40c64f44f753"}) as unknown as TypedDocumentString<InvitationQuery, InvitationQueryVariables>;
export const InvitationByIdDocument = new TypedDocumentString(`
    query InvitationById($id: ID!) {
  invitationById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:a5f6c5e43a26ed9e9ca409ed4a673a8f3d749ae9f304a6bfa08b2f06980706d8"}) as unknown as TypedDocumentString<InvitationByIdQuery, InvitationByIdQueryVariables>;
export const DeleteInvitationDocument = new TypedDocumentString(`
    mutation DeleteInvitation($rowId: UUID!) {
  deleteInvitation(input: {rowId: $rowId}) {
    invitation {
      rowId
    }
  }
}
    `, {"hash":"sha256:c7cdd2345b4b6c9a1850e8b2fa4e01d5808e625b235e0e460ea12c287b65c5e5"}) as unknown as TypedDocumentString<DeleteInvitationMutation, DeleteInvitationMutationVariables>;
export const DeleteInvitationByIdDocument = new TypedDocumentString(`
    mutation DeleteInvitationById($id: ID!) {
  deleteInvitationById(input: {id: $id}) {
    invitation {
      rowId
    }
  }
}
    `, {"hash":"sha256:4c4b43e663342d4aa178ee6ca2c8eb605593cd0a4d1237b7ff7c7c9ea4acee72"}) as unknown as TypedDocumentString<DeleteInvitationByIdMutation, DeleteInvitationByIdMutationVariables>;
export const NodeDocument = new TypedDocumentString(`
    query Node($id: ID!) {
  node(id: $id) {
    id
    __typename
  }
}
    `, {"hash":"sha256:674a4e60b765ab762155deb5480b435445a7ecf217bd9a818ee68fa139bfb45a"}) as unknown as TypedDocumentString<NodeQuery, NodeQueryVariables>;
export const OrganizationDocument = new TypedDocumentString(`
    query Organization($rowId: UUID!) {
  organization(rowId: $rowId) {
    id
    rowId
    name
    slug
  }
}
    `, {"hash":"sha256:9fd1d64c0405d8cf1f13ad6f29d05649d691519bdbfb45b533cad76fd3953b7b"}) as unknown as TypedDocumentString<OrganizationQuery, OrganizationQueryVariables>;
export const OrganizationByIdDocument = new TypedDocumentString(`
    query OrganizationById($id: ID!) {
  organizationById(id: $id) {
    id
    rowId
    name
  }
}
    `, {"hash":"sha256:c7348f3d58b4a426478716709c05d0d2536a7d6c1db08ab3379f016efbb17a46"}) as unknown as TypedDocumentString<OrganizationByIdQuery, OrganizationByIdQueryVariables>;
export const OrganizationBySlugDocument = new TypedDocumentString(`
    query OrganizationBySlug($slug: String!) {
  organizationBySlug(slug: $slug) {
    id
    rowId
  }
}
    `, {"hash":"sha256:8bff826fdffab9f2110d499bc0fb1522793a6a5708f90b9244e8c5cf5aebe0be"}) as unknown as TypedDocumentString<OrganizationBySlugQuery, OrganizationBySlugQueryVariables>;
export const OrganizationRelationsDocument = new TypedDocumentString(`
    query OrganizationRelations($rowId: UUID!) {
  organization(rowId: $rowId) {
    rowId
    tasks {
      totalCount
      nodes {
        rowId
        organizationId
      }
    }
    teams {
      totalCount
      nodes {
        rowId
        organizationId
      }
    }
    roles {
      totalCount
      nodes {
        rowId
        organizationId
      }
    }
    members {
      totalCount
      nodes {
        rowId
        organizationId
      }
    }
    invitations {
      totalCount
      nodes {
        rowId
        organizationId
      }
    }
  }
}
    `, {"hash":"sha256:bdc9cd16d2b538e1a53ca164d24fe986b20d1411bcdfe34a4361f62a717fbca9"}) as unknown as TypedDocumentString<OrganizationRelationsQuery, OrganizationRelationsQueryVariables>;
export const UpdateOrganizationDocument = new TypedDocumentString(`
    mutation UpdateOrganization($rowId: UUID!, $patch: OrganizationPatch!) {
  updateOrganization(input: {rowId: $rowId, patch: $patch}) {
    organization {
      rowId
      name
      slug
    }
  }
}
    `, {"hash":"sha256:8f06a24e2d20152a61777b30a09c1ea4cde7d75abb3754b463349a4b3264eab5"}) as unknown as TypedDocumentString<UpdateOrganizationMutation, UpdateOrganizationMutationVariables>;
export const UpdateOrganizationByIdDocument = new TypedDocumentString(`
    mutation UpdateOrganizationById($id: ID!, $patch: OrganizationPatch!) {
  updateOrganizationById(input: {id: $id, patch: $patch}) {
    organization {
      rowId
      name
      slug
    }
  }
}
    `, {"hash":"sha256:edcab71db96123ebecbfe4fab30b889aff88a4bf83aa79a9b1ca9c47a02734e3"}) as unknown as TypedDocumentString<UpdateOrganizationByIdMutation, UpdateOrganizationByIdMutationVariables>;
export const DeleteOrganizationDocument = new TypedDocumentString(`
    mutation DeleteOrganization($rowId: UUID!) {
  deleteOrganization(input: {rowId: $rowId}) {
    organization {
      rowId
    }
  }
}
    `, {"hash":"sha256:3dec048455ac20ee8a775b9aa5a88a06883c6d2331f59acf9fe12d71d95d6ea6"}) as unknown as TypedDocumentString<DeleteOrganizationMutation, DeleteOrganizationMutationVariables>;
export const DeleteOrganizationByIdDocument = new TypedDocumentString(`
    mutation DeleteOrganizationById($id: ID!) {
  deleteOrganizationById(input: {id: $id}) {
    organization {
      rowId
    }
  }
}
    `, {"hash":"sha256:d60b60a234864efc00ea0b68d8f4055adcd2150f659a5b165467e4e1f4a64dbc"}) as unknown as TypedDocumentString<DeleteOrganizationByIdMutation, DeleteOrganizationByIdMutationVariables>;
export const UpdateOrganizationBySlugDocument = new TypedDocumentString(`
    mutation UpdateOrganizationBySlug($slug: String!, $patch: OrganizationPatch!) {
  updateOrganizationBySlug(input: {slug: $slug, patch: $patch}) {
    organization {
      rowId
      name
      slug
    }
  }
}
    `, {"hash":"sha256:9e3a32948267e2be1add0c3edf54cf0af98b5a7e64249331998bc8eecef9c432"}) as unknown as TypedDocumentString<UpdateOrganizationBySlugMutation, UpdateOrganizationBySlugMutationVariables>;
export const DeleteOrganizationBySlugDocument = new TypedDocumentString(`
    mutation DeleteOrganizationBySlug($slug: String!) {
  deleteOrganizationBySlug(input: {slug: $slug}) {
    organization {
      rowId
    }
  }
}
    `, {"hash":"sha256:87423098e84cc8bc3723c7cc873a15b48b08ef0ae9c8a24f786162424014a659"}) as unknown as TypedDocumentString<DeleteOrganizationBySlugMutation, DeleteOrganizationBySlugMutationVariables>;
export const MyOrganizationsDocument = new TypedDocumentString(`
    query MyOrganizations($first: Int) {
  organizations(first: $first, orderBy: [PRIMARY_KEY_ASC]) {
    totalCount
    nodes {
      id
      rowId
      name
      slug
    }
  }
}
    `, {"hash":"sha256:58b3c0b592367e84809e2e6f86fbafaa7cafecf46382667873bed98384e9e3ce"}) as unknown as TypedDocumentString<MyOrganizationsQuery, MyOrganizationsQueryVariables>;
export const OrganizationMembershipsDocument = new TypedDocumentString(`
    query OrganizationMemberships($first: Int) {
  organizationMemberships(first: $first, orderBy: [PRIMARY_KEY_ASC]) {
    totalCount
    nodes {
      id
      rowId
      organizationId
      userId
    }
  }
}
    `, {"hash":"sha256:15a421dd06e84652333c050b157b540093a8e3f84c47ab6f4f4b0f1b3becaf40"}) as unknown as TypedDocumentString<OrganizationMembershipsQuery, OrganizationMembershipsQueryVariables>;
export const OrganizationMembershipDocument = new TypedDocumentString(`
    query OrganizationMembership($rowId: UUID!) {
  organizationMembership(rowId: $rowId) {
    id
    rowId
    organizationId
    userId
  }
}
    `, {"hash":"sha256:8af8bb32865070cc08154e96d161acb00de4c32e52d80124512dd109a0819ee2"}) as unknown as TypedDocumentString<OrganizationMembershipQuery, OrganizationMembershipQueryVariables>;
export const OrganizationMembershipByIdDocument = new TypedDocumentString(`
    query OrganizationMembershipById($id: ID!) {
  organizationMembershipById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:c2e888e22db20e14675168b469ee13fab8de7015b5bd470587aa28fc550a7a3d"}) as unknown as TypedDocumentString<OrganizationMembershipByIdQuery, OrganizationMembershipByIdQueryVariables>;
export const DeleteOrganizationMembershipDocument = new TypedDocumentString(`
    mutation DeleteOrganizationMembership($rowId: UUID!) {
  deleteOrganizationMembership(input: {rowId: $rowId}) {
    organizationMembership {
      rowId
    }
  }
}
    `, {"hash":"sha256:698eeb260db6a9b89d69c1ae0b0b71c13def1c55a5401567221a84f32440f0b6"}) as unknown as TypedDocumentString<DeleteOrganizationMembershipMutation, DeleteOrganizationMembershipMutationVariables>;
export const DeleteOrganizationMembershipByIdDocument = new TypedDocumentString(`
    mutation DeleteOrganizationMembershipById($id: ID!) {
  deleteOrganizationMembershipById(input: {id: $id}) {
    organizationMembership {
      rowId
    }
  }
}
    `, {"hash":"sha256:319b4546bd5c7a00a4c1f56fe7045bcf8f6804108949e02b21eea2de36c44005"}) as unknown as TypedDocumentString<DeleteOrganizationMembershipByIdMutation, DeleteOrganizationMembershipByIdMutationVariables>;
export const OrganizationMembershipByOrganizationIdAndUserIdDocument = new TypedDocumentString(`
    query OrganizationMembershipByOrganizationIdAndUserId($organizationId: UUID!, $userId: UUID!) {
  organizationMembershipByOrganizationIdAndUserId(
    organizationId: $organizationId
    userId: $userId
  ) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:e33cf5cf1911138a316a79bbfb585bf60bf999b89a757cb0c8e0e80624a1333c"}) as unknown as TypedDocumentString<OrganizationMembershipByOrganizationIdAndUserIdQuery, OrganizationMembershipByOrganizationIdAndUserIdQueryVariables>;
export const DeleteOrganizationMembershipByOrganizationIdAndUserIdDocument = new TypedDocumentString(`
    mutation DeleteOrganizationMembershipByOrganizationIdAndUserId($organizationId: UUID!, $userId: UUID!) {
  deleteOrganizationMembershipByOrganizationIdAndUserId(
    input: {organizationId: $organizationId, userId: $userId}
  ) {
    organizationMembership {
      rowId
    }
  }
}
    `, {"hash":"sha256:9df1c77069ff92e575ad41bff83dcc5fb4589e23882b04b64dfc60ef0343c200"}) as unknown as TypedDocumentString<DeleteOrganizationMembershipByOrganizationIdAndUserIdMutation, DeleteOrganizationMembershipByOrganizationIdAndUserIdMutationVariables>;
export const CreateOrganizationDocument = new TypedDocumentString(`
    mutation CreateOrganization($name: String!, $slug: String!) {
  createOrganization(input: {organization: {name: $name, slug: $slug}}) {
    organization {
      id
      rowId
      name
      slug
    }
  }
}
    `, {"hash":"sha256:fd3a1a4a7ad95e98eac9ae60268b54e3e665929f7f1912860aeb511ed0d6fe2c"}) as unknown as TypedDocumentString<CreateOrganizationMutation, CreateOrganizationMutationVariables>;
export const PermissionsDocument = new TypedDocumentString(`
    query Permissions {
  permissions(orderBy: [PRIMARY_KEY_ASC]) {
    totalCount
    nodes {
      id
      name
    }
  }
}
    `, {"hash":"sha256:8837a3e1ad56114739ac13d7c13b661254f8478886ee85ee2da62155d55f27d3"}) as unknown as TypedDocumentString<PermissionsQuery, PermissionsQueryVariables>;
export const RolesDocument = new TypedDocumentString(`
    query Roles($first: Int) {
  roles(first: $first, orderBy: [PRIMARY_KEY_ASC]) {
    totalCount
    nodes {
      id
      rowId
      organizationId
      name
      permissions
      isSystem
    }
  }
}
    `, {"hash":"sha256:6c9887402a67363382479ad1317c89847a254b34fdfeac1a168f0b4a2286af02"}) as unknown as TypedDocumentString<RolesQuery, RolesQueryVariables>;
export const RoleDocument = new TypedDocumentString(`
    query Role($rowId: UUID!) {
  role(rowId: $rowId) {
    id
    rowId
    organizationId
    name
    permissions
  }
}
    `, {"hash":"sha256:ce2996d4d1ca4c29b22ec67fb896ac4782841460a8ac03dc6efe574059648e8c"}) as unknown as TypedDocumentString<RoleQuery, RoleQueryVariables>;
export const RoleByIdDocument = new TypedDocumentString(`
    query RoleById($id: ID!) {
  roleById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:b8870ef2322103207159db6af8bb694be4ff80952c9042c8c9a92809119974fc"}) as unknown as TypedDocumentString<RoleByIdQuery, RoleByIdQueryVariables>;
export const CreateRoleDocument = new TypedDocumentString(`
    mutation CreateRole($role: RoleInput!) {
  createRole(input: {role: $role}) {
    role {
      id
      rowId
      organizationId
      name
      permissions
    }
  }
}
    `, {"hash":"sha256:8c0dba7ce9ab9a2e495ceccf4179c970ec76e2449e678a59b0c145a2762f8c5e"}) as unknown as TypedDocumentString<CreateRoleMutation, CreateRoleMutationVariables>;
export const UpdateRoleDocument = new TypedDocumentString(`
    mutation UpdateRole($rowId: UUID!, $patch: RolePatch!) {
  updateRole(input: {rowId: $rowId, patch: $patch}) {
    role {
      rowId
      name
      permissions
    }
  }
}
    `, {"hash":"sha256:d0f14ed820b8bec714e6d3b53973476e0e6628311300804d12d45c6c6869946d"}) as unknown as TypedDocumentString<UpdateRoleMutation, UpdateRoleMutationVariables>;
export const UpdateRoleByIdDocument = new TypedDocumentString(`
    mutation UpdateRoleById($id: ID!, $patch: RolePatch!) {
  updateRoleById(input: {id: $id, patch: $patch}) {
    role {
      rowId
      name
      permissions
    }
  }
}
    `, {"hash":"sha256:d61de08c2cd3718cae816fb6b6a18ba5a4df06b70c96110b7e991139f325eaf8"}) as unknown as TypedDocumentString<UpdateRoleByIdMutation, UpdateRoleByIdMutationVariables>;
export const DeleteRoleDocument = new TypedDocumentString(`
    mutation DeleteRole($rowId: UUID!) {
  deleteRole(input: {rowId: $rowId}) {
    role {
      rowId
    }
  }
}
    `, {"hash":"sha256:0b443cb3f8aa185b35162d31d0efc169eeb0fe73499239584d8f95f752128981"}) as unknown as TypedDocumentString<DeleteRoleMutation, DeleteRoleMutationVariables>;
export const DeleteRoleByIdDocument = new TypedDocumentString(`
    mutation DeleteRoleById($id: ID!) {
  deleteRoleById(input: {id: $id}) {
    role {
      rowId
    }
  }
}
    `, {"hash":"sha256:7e675aef8871fbf7c472afdf96e3598d1a5355611541ff9be00ae6b81921d167"}) as unknown as TypedDocumentString<DeleteRoleByIdMutation, DeleteRoleByIdMutationVariables>;
export const RoleByOrganizationIdAndNameDocument = new TypedDocumentString(`
    query RoleByOrganizationIdAndName($organizationId: UUID!, $name: String!) {
  roleByOrganizationIdAndName(organizationId: $organizationId, name: $name) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:2e52570551a4199aa393311c18c2ac1373ade7251ba0f714aa36790e1521e0a2"}) as unknown as TypedDocumentString<RoleByOrganizationIdAndNameQuery, RoleByOrganizationIdAndNameQueryVariables>;
export const UpdateRoleByOrganizationIdAndNameDocument = new TypedDocumentString(`
    mutation UpdateRoleByOrganizationIdAndName($organizationId: UUID!, $name: String!, $patch: RolePatch!) {
  updateRoleByOrganizationIdAndName(
    input: {organizationId: $organizationId, name: $name, patch: $patch}
  ) {
    role {
      rowId
      name
      permissions
    }
  }
}
    `, {"hash":"sha256:a25eb75d942063fb0c6aa19bed64351aa31ac5915a6ffe7cc0574e016d51bbe8"}) as unknown as TypedDocumentString<UpdateRoleByOrganizationIdAndNameMutation, UpdateRoleByOrganizationIdAndNameMutationVariables>;
export const DeleteRoleByOrganizationIdAndNameDocument = new TypedDocumentString(`
    mutation DeleteRoleByOrganizationIdAndName($organizationId: UUID!, $name: String!) {
  deleteRoleByOrganizationIdAndName(
    input: {organizationId: $organizationId, name: $name}
  ) {
    role {
      rowId
    }
  }
}
    `, {"hash":"sha256:ab330e0a38fb6eff031b5dbdc70b3076eaa161cc044535a869f8dace50152ac8"}) as unknown as TypedDocumentString<DeleteRoleByOrganizationIdAndNameMutation, DeleteRoleByOrganizationIdAndNameMutationVariables>;
export const TaskDependenciesDocument = new TypedDocumentString(`
    query TaskDependencies($first: Int) {
  taskDependencies(first: $first, orderBy: [PRIMARY_KEY_ASC]) {
    totalCount
    nodes {
      id
      rowId
      organizationId
      taskId
      dependsOnTaskId
      type
    }
  }
}
    `, {"hash":"sha256:a86ad839cee50fddc6e84886e6596a0c1d679750bcc7f2def7fb0b68c2b7620d"}) as unknown as TypedDocumentString<TaskDependenciesQuery, TaskDependenciesQueryVariables>;
export const TaskDependencyDocument = new TypedDocumentString(`
    query TaskDependency($rowId: UUID!) {
  taskDependency(rowId: $rowId) {
    id
    rowId
    organizationId
    taskId
    dependsOnTaskId
    type
  }
}
    `, {"hash":"sha256:9d70dafd1bead0d08c5998c78d28ad8ed689b00de0fd912ee5f4cb619c47bb04"}) as unknown as TypedDocumentString<TaskDependencyQuery, TaskDependencyQueryVariables>;
export const TaskDependencyByIdDocument = new TypedDocumentString(`
    query TaskDependencyById($id: ID!) {
  taskDependencyById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:71f3875eaec6edc18ff9647c7b3156450c58c53ad792a4418f4f08e4dd08786e"}) as unknown as TypedDocumentString<TaskDependencyByIdQuery, TaskDependencyByIdQueryVariables>;
export const CreateTaskDependencyDocument = new TypedDocumentString(`
    mutation CreateTaskDependency($taskDependency: TaskDependencyInput!) {
  createTaskDependency(input: {taskDependency: $taskDependency}) {
    taskDependency {
      id
      rowId
      organizationId
      taskId
      dependsOnTaskId
      type
    }
  }
}
    `, {"hash":"sha256:a4d966f55126b5e1d14e2e27ce3026062cb5faacd98cc26f7a90b4dc02a602d8"}) as unknown as TypedDocumentString<CreateTaskDependencyMutation, CreateTaskDependencyMutationVariables>;
export const UpdateTaskDependencyDocument = new TypedDocumentString(`
    mutation UpdateTaskDependency($rowId: UUID!, $patch: TaskDependencyPatch!) {
  updateTaskDependency(input: {rowId: $rowId, patch: $patch}) {
    taskDependency {
      rowId
      type
    }
  }
}
    `, {"hash":"sha256:6ca66f64568b664d18595d6694ee03d1d39b3d874cd216edb4ced76b23fa58d1"}) as unknown as TypedDocumentString<UpdateTaskDependencyMutation, UpdateTaskDependencyMutationVariables>;
export const UpdateTaskDependencyByIdDocument = new TypedDocumentString(`
    mutation UpdateTaskDependencyById($id: ID!, $patch: TaskDependencyPatch!) {
  updateTaskDependencyById(input: {id: $id, patch: $patch}) {
    taskDependency {
      rowId
      type
    }
  }
}
    `, {"hash":"sha256:b9805971ea155dd691ad1935569541acf54adf2a66aa6c802ed974fd88cd1e01"}) as unknown as TypedDocumentString<UpdateTaskDependencyByIdMutation, UpdateTaskDependencyByIdMutationVariables>;
export const DeleteTaskDependencyDocument = new TypedDocumentString(`
    mutation DeleteTaskDependency($rowId: UUID!) {
  deleteTaskDependency(input: {rowId: $rowId}) {
    taskDependency {
      rowId
    }
  }
}
    `, {"hash":"sha256:67779bb930bcb2462619c7eec92a7d49d16df152ef8bf57b701cdd7e981cd2b7"}) as unknown as TypedDocumentString<DeleteTaskDependencyMutation, DeleteTaskDependencyMutationVariables>;
export const DeleteTaskDependencyByIdDocument = new TypedDocumentString(`
    mutation DeleteTaskDependencyById($id: ID!) {
  deleteTaskDependencyById(input: {id: $id}) {
    taskDependency {
      rowId
    }
  }
}
    `, {"hash":"sha256:26c7bba327f362fa2bc8aa77c7a172b0a4209d1a2892b0b28886f37aaa018428"}) as unknown as TypedDocumentString<DeleteTaskDependencyByIdMutation, DeleteTaskDependencyByIdMutationVariables>;
export const TaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdDocument = new TypedDocumentString(`
    query TaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskId($organizationId: UUID!, $taskId: UUID!, $dependsOnTaskId: UUID!) {
  taskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskId(
    organizationId: $organizationId
    taskId: $taskId
    dependsOnTaskId: $dependsOnTaskId
  ) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:e218395a71d41128bb148761fbaf468ef6902b07f23760496e027c0f1196ff19"}) as unknown as TypedDocumentString<TaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdQuery, TaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdQueryVariables>;
export const UpdateTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdDocument = new TypedDocumentString(`
    mutation UpdateTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskId($organizationId: UUID!, $taskId: UUID!, $dependsOnTaskId: UUID!, $patch: TaskDependencyPatch!) {
  updateTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskId(
    input: {organizationId: $organizationId, taskId: $taskId, dependsOnTaskId: $dependsOnTaskId, patch: $patch}
  ) {
    taskDependency {
      rowId
      type
    }
  }
}
    `, {"hash":"sha256:550c521a80592d635a9f1162581f8dd344d8748cd914510562d66ef69d371d18"}) as unknown as TypedDocumentString<UpdateTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdMutation, UpdateTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdMutationVariables>;
export const DeleteTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdDocument = new TypedDocumentString(`
    mutation DeleteTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskId($organizationId: UUID!, $taskId: UUID!, $dependsOnTaskId: UUID!) {
  deleteTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskId(
    input: {organizationId: $organizationId, taskId: $taskId, dependsOnTaskId: $dependsOnTaskId}
  ) {
    taskDependency {
      rowId
    }
  }
}
    `, {"hash":"sha256:fbc3fa1ce8b540672754d5d4a58d2267ad9e6350f8aa0d53e539b4f2c86e7ec2"}) as unknown as TypedDocumentString<DeleteTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdMutation, DeleteTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdMutationVariables>;
export const TaskByIdDocument = new TypedDocumentString(`
    query TaskById($id: ID!) {
  taskById(id: $id) {
    id
    rowId
    organizationId
    title
  }
}
    `, {"hash":"sha256:23f57ddcef5f5bb6f7e49addf1233a10af0224293a88020d83eacec187df349f"}) as unknown as TypedDocumentString<TaskByIdQuery, TaskByIdQueryVariables>;
export const UpdateTaskByIdDocument = new TypedDocumentString(`
    mutation UpdateTaskById($id: ID!, $patch: TaskPatch!) {
  updateTaskById(input: {id: $id, patch: $patch}) {
    task {
      rowId
      title
      status
    }
  }
}
    `, {"hash":"sha256:06504cbeaba98068f5c54b870b250019893704ab15bb698442f749393d5c39a8"}) as unknown as TypedDocumentString<UpdateTaskByIdMutation, UpdateTaskByIdMutationVariables>;
export const DeleteTaskByIdDocument = new TypedDocumentString(`
    mutation DeleteTaskById($id: ID!) {
  deleteTaskById(input: {id: $id}) {
    task {
      rowId
    }
  }
}
    `, {"hash":"sha256:fa614a482e3df03e2a453deae667598d556a587ee619b8f3245459b631ed3ffc"}) as unknown as TypedDocumentString<DeleteTaskByIdMutation, DeleteTaskByIdMutationVariables>;
export const TaskRelationsDocument = new TypedDocumentString(`
    query TaskRelations($rowId: UUID!) {
  task(rowId: $rowId) {
    rowId
    organizationId
    organization {
      rowId
    }
    team {
      rowId
      organizationId
    }
    assignee {
      rowId
    }
    dependencies {
      totalCount
      nodes {
        rowId
        organizationId
      }
    }
    dependents {
      totalCount
      nodes {
        rowId
        organizationId
      }
    }
  }
}
    `, {"hash":"sha256:20bf2b98d39e32ac16834fae32d6d7db5c09966773668b1f34ad7c93ce12783f"}) as unknown as TypedDocumentString<TaskRelationsQuery, TaskRelationsQueryVariables>;
export const CreateTaskDocument = new TypedDocumentString(`
    mutation CreateTask($task: TaskInput!) {
  createTask(input: {task: $task}) {
    task {
      id
      rowId
      organizationId
      title
      status
      priority
      createdById
    }
  }
}
    `, {"hash":"sha256:0eabea6a98f58f1d04d1c02b4dc75d453914c9e8c555010dc76f7c9ccc64d1c0"}) as unknown as TypedDocumentString<CreateTaskMutation, CreateTaskMutationVariables>;
export const TasksDocument = new TypedDocumentString(`
    query Tasks($first: Int) {
  tasks(first: $first, orderBy: [CREATED_AT_ASC]) {
    totalCount
    nodes {
      id
      rowId
      organizationId
      title
      status
    }
  }
}
    `, {"hash":"sha256:f0735c5b251644effe762b6774950e44ad1b7457bee6ae0ab5b2ec659b80832b"}) as unknown as TypedDocumentString<TasksQuery, TasksQueryVariables>;
export const TaskDocument = new TypedDocumentString(`
    query Task($rowId: UUID!) {
  task(rowId: $rowId) {
    id
    rowId
    organizationId
    title
  }
}
    `, {"hash":"sha256:e361d17cd8bc23d12d7f8b4c6eba3f9b49112985b0bdd0c1f7e1fbb809382932"}) as unknown as TypedDocumentString<TaskQuery, TaskQueryVariables>;
export const UpdateTaskDocument = new TypedDocumentString(`
    mutation UpdateTask($rowId: UUID!, $patch: TaskPatch!) {
  updateTask(input: {rowId: $rowId, patch: $patch}) {
    task {
      rowId
      title
      status
      completedAt
    }
  }
}
    `, {"hash":"sha256:f655a1f8bb72baec574614c8a3ca30cb14f2fad5f2de62f2e27fa1a2401ac7f6"}) as unknown as TypedDocumentString<UpdateTaskMutation, UpdateTaskMutationVariables>;
export const DeleteTaskDocument = new TypedDocumentString(`
    mutation DeleteTask($rowId: UUID!) {
  deleteTask(input: {rowId: $rowId}) {
    task {
      rowId
    }
  }
}
    `, {"hash":"sha256:bd1a62de6f90c25b0ae058154980b5f99a45dffe79d71c5f5d2a836e7cebe44a"}) as unknown as TypedDocumentString<DeleteTaskMutation, DeleteTaskMutationVariables>;
export const TasksPageDocument = new TypedDocumentString(`
    query TasksPage($first: Int!, $after: Cursor) {
  tasks(first: $first, after: $after, orderBy: [CREATED_AT_DESC]) {
    nodes {
      id
      rowId
      title
      status
      priority
      assigneeId
      teamId
      createdAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:202dbbad1c852c6dc5368e3d022d7e2c8ce3e879709680d2c821d52588807b18"}) as unknown as TypedDocumentString<TasksPageQuery, TasksPageQueryVariables>;
export const TeamMembershipsDocument = new TypedDocumentString(`
    query TeamMemberships($first: Int) {
  teamMemberships(first: $first, orderBy: [PRIMARY_KEY_ASC]) {
    totalCount
    nodes {
      id
      rowId
      organizationId
      teamId
      userId
    }
  }
}
    `, {"hash":"sha256:558eedc9af750939664c9fe6fa0c2bf3622e44b17db42f1ca8229d8b8e01950b"}) as unknown as TypedDocumentString<TeamMembershipsQuery, TeamMembershipsQueryVariables>;
export const TeamMembershipDocument = new TypedDocumentString(`
    query TeamMembership($rowId: UUID!) {
  teamMembership(rowId: $rowId) {
    id
    rowId
    organizationId
    teamId
    userId
  }
}
    `, {"hash":"sha256:de0a426172403e831ca30ebe6fbbb2cfc2bac2b118649817e00b47b43cc7d637"}) as unknown as TypedDocumentString<TeamMembershipQuery, TeamMembershipQueryVariables>;
export const TeamMembershipByIdDocument = new TypedDocumentString(`
    query TeamMembershipById($id: ID!) {
  teamMembershipById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:059b72ff6490f063ca41ebd81e18b4d6af017585bca59a31fe764f3ff4ea2566"}) as unknown as TypedDocumentString<TeamMembershipByIdQuery, TeamMembershipByIdQueryVariables>;
export const CreateTeamMembershipDocument = new TypedDocumentString(`
    mutation CreateTeamMembership($teamMembership: TeamMembershipInput!) {
  createTeamMembership(input: {teamMembership: $teamMembership}) {
    teamMembership {
      id
      rowId
      organizationId
      teamId
      userId
    }
  }
}
    `, {"hash":"sha256:9e8c7af530368502b0966d6015a69934f5c5e3fb6bf109b39275d6f21f2af171"}) as unknown as TypedDocumentString<CreateTeamMembershipMutation, CreateTeamMembershipMutationVariables>;
export const DeleteTeamMembershipDocument = new TypedDocumentString(`
    mutation DeleteTeamMembership($rowId: UUID!) {
  deleteTeamMembership(input: {rowId: $rowId}) {
    teamMembership {
      rowId
    }
  }
}
    `, {"hash":"sha256:08eaef3d7da4399b419dacdffafe90eacfc4b1011d8560f9aa84fb1ab6d490e1"}) as unknown as TypedDocumentString<DeleteTeamMembershipMutation, DeleteTeamMembershipMutationVariables>;
export const DeleteTeamMembershipByIdDocument = new TypedDocumentString(`
    mutation DeleteTeamMembershipById($id: ID!) {
  deleteTeamMembershipById(input: {id: $id}) {
    teamMembership {
      rowId
    }
  }
}
    `, {"hash":"sha256:32c8dce07d1c77f593d33e589a07292a5c7127dc8c1803450bdc47e28c7fd5aa"}) as unknown as TypedDocumentString<DeleteTeamMembershipByIdMutation, DeleteTeamMembershipByIdMutationVariables>;
export const TeamMembershipByOrganizationIdAndTeamIdAndUserIdDocument = new TypedDocumentString(`
    query TeamMembershipByOrganizationIdAndTeamIdAndUserId($organizationId: UUID!, $teamId: UUID!, $userId: UUID!) {
  teamMembershipByOrganizationIdAndTeamIdAndUserId(
    organizationId: $organizationId
    teamId: $teamId
    userId: $userId
  ) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:ddea9799bcb8424f6e66f9cda01aa27b65168ccaeaa0a9ee78bf758b0ffc6dcc"}) as unknown as TypedDocumentString<TeamMembershipByOrganizationIdAndTeamIdAndUserIdQuery, TeamMembershipByOrganizationIdAndTeamIdAndUserIdQueryVariables>;
export const DeleteTeamMembershipByOrganizationIdAndTeamIdAndUserIdDocument = new TypedDocumentString(`
    mutation DeleteTeamMembershipByOrganizationIdAndTeamIdAndUserId($organizationId: UUID!, $teamId: UUID!, $userId: UUID!) {
  deleteTeamMembershipByOrganizationIdAndTeamIdAndUserId(
    input: {organizationId: $organizationId, teamId: $teamId, userId: $userId}
  ) {
    teamMembership {
      rowId
    }
  }
}
    `, {"hash":"sha256:069a5152ccbfb72c60f2243ea82c423876a976e12f52ac80cc4a968481933958"}) as unknown as TypedDocumentString<DeleteTeamMembershipByOrganizationIdAndTeamIdAndUserIdMutation, DeleteTeamMembershipByOrganizationIdAndTeamIdAndUserIdMutationVariables>;
export const TeamsDocument = new TypedDocumentString(`
    query Teams($first: Int) {
  teams(first: $first, orderBy: [PRIMARY_KEY_ASC]) {
    totalCount
    nodes {
      id
      rowId
      organizationId
      name
      description
    }
  }
}
    `, {"hash":"sha256:84587bd8eab68a8be8b9faef0d6b272f15c8b25c03fff6171a157e04ade8a7db"}) as unknown as TypedDocumentString<TeamsQuery, TeamsQueryVariables>;
export const TeamDocument = new TypedDocumentString(`
    query Team($rowId: UUID!) {
  team(rowId: $rowId) {
    id
    rowId
    organizationId
    name
  }
}
    `, {"hash":"sha256:62e62ef022a76e64e5fe03e61e91305d207dd18dd036fa26557217f2a8ff02f4"}) as unknown as TypedDocumentString<TeamQuery, TeamQueryVariables>;
export const TeamByIdDocument = new TypedDocumentString(`
    query TeamById($id: ID!) {
  teamById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:ab80b78388b82c6a23d57089b7124939681e7c5c550115e69318c0e12937a129"}) as unknown as TypedDocumentString<TeamByIdQuery, TeamByIdQueryVariables>;
export const CreateTeamDocument = new TypedDocumentString(`
    mutation CreateTeam($team: TeamInput!) {
  createTeam(input: {team: $team}) {
    team {
      id
      rowId
      organizationId
      name
    }
  }
}
    `, {"hash":"sha256:97673449c0dd475fd28b6ada556387766cad3a74125801a7423cc81981132121"}) as unknown as TypedDocumentString<CreateTeamMutation, CreateTeamMutationVariables>;
export const UpdateTeamDocument = new TypedDocumentString(`
    mutation UpdateTeam($rowId: UUID!, $patch: TeamPatch!) {
  updateTeam(input: {rowId: $rowId, patch: $patch}) {
    team {
      rowId
      name
      description
    }
  }
}
    `, {"hash":"sha256:bbc51e81112be0a4eb6677102047b6d0c43d65e2facf24d2bd0745fc9d4b1b03"}) as unknown as TypedDocumentString<UpdateTeamMutation, UpdateTeamMutationVariables>;
export const UpdateTeamByIdDocument = new TypedDocumentString(`
    mutation UpdateTeamById($id: ID!, $patch: TeamPatch!) {
  updateTeamById(input: {id: $id, patch: $patch}) {
    team {
      rowId
      name
      description
    }
  }
}
    `, {"hash":"sha256:8f981174024e6a144918291fa8e485eec093d35f17f8dfbdecc2be2918672e42"}) as unknown as TypedDocumentString<UpdateTeamByIdMutation, UpdateTeamByIdMutationVariables>;
export const DeleteTeamDocument = new TypedDocumentString(`
    mutation DeleteTeam($rowId: UUID!) {
  deleteTeam(input: {rowId: $rowId}) {
    team {
      rowId
    }
  }
}
    `, {"hash":"sha256:d85cd635150277cac66d799f490990e09e553ea1e3c834667692bade986e932b"}) as unknown as TypedDocumentString<DeleteTeamMutation, DeleteTeamMutationVariables>;
export const DeleteTeamByIdDocument = new TypedDocumentString(`
    mutation DeleteTeamById($id: ID!) {
  deleteTeamById(input: {id: $id}) {
    team {
      rowId
    }
  }
}
    `, {"hash":"sha256:0e339848df8117952495b7a769a2b01fd924792707755469f6718044885c124d"}) as unknown as TypedDocumentString<DeleteTeamByIdMutation, DeleteTeamByIdMutationVariables>;
export const TeamByOrganizationIdAndNameDocument = new TypedDocumentString(`
    query TeamByOrganizationIdAndName($organizationId: UUID!, $name: String!) {
  teamByOrganizationIdAndName(organizationId: $organizationId, name: $name) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:3693d98d3b38ba6d41a9c574d230d587f67fcb123480155c5d6f40170f29b340"}) as unknown as TypedDocumentString<TeamByOrganizationIdAndNameQuery, TeamByOrganizationIdAndNameQueryVariables>;
export const UpdateTeamByOrganizationIdAndNameDocument = new TypedDocumentString(`
    mutation UpdateTeamByOrganizationIdAndName($organizationId: UUID!, $name: String!, $patch: TeamPatch!) {
  updateTeamByOrganizationIdAndName(
    input: {organizationId: $organizationId, name: $name, patch: $patch}
  ) {
    team {
      rowId
      name
      description
    }
  }
}
    `, {"hash":"sha256:95a494964152d873594d546144217330281bd2dfe2c3208ee09a90c7c1480ed6"}) as unknown as TypedDocumentString<UpdateTeamByOrganizationIdAndNameMutation, UpdateTeamByOrganizationIdAndNameMutationVariables>;
export const DeleteTeamByOrganizationIdAndNameDocument = new TypedDocumentString(`
    mutation DeleteTeamByOrganizationIdAndName($organizationId: UUID!, $name: String!) {
  deleteTeamByOrganizationIdAndName(
    input: {organizationId: $organizationId, name: $name}
  ) {
    team {
      rowId
    }
  }
}
    `, {"hash":"sha256:8e60387aaf5f7168b289096d5fe39f2f61233dc737d82f7333c04344978c2efa"}) as unknown as TypedDocumentString<DeleteTeamByOrganizationIdAndNameMutation, DeleteTeamByOrganizationIdAndNameMutationVariables>;
export const UserRolesDocument = new TypedDocumentString(`
    query UserRoles($first: Int) {
  userRoles(first: $first, orderBy: [PRIMARY_KEY_ASC]) {
    totalCount
    nodes {
      id
      rowId
      organizationId
      userId
      roleId
    }
  }
}
    `, {"hash":"sha256:ea5f931a8920843a3c5c89ac0bdd36c284c9f45838aff187c42e72511a53a18a"}) as unknown as TypedDocumentString<UserRolesQuery, UserRolesQueryVariables>;
export const UserRoleDocument = new TypedDocumentString(`
    query UserRole($rowId: UUID!) {
  userRole(rowId: $rowId) {
    id
    rowId
    organizationId
    userId
    roleId
  }
}
    `, {"hash":"sha256:91ff51b12db5e52d75cdd317e0667999ecfade66b5934d261c3eb3cf4832792f"}) as unknown as TypedDocumentString<UserRoleQuery, UserRoleQueryVariables>;
export const UserRoleByIdDocument = new TypedDocumentString(`
    query UserRoleById($id: ID!) {
  userRoleById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:ad7d782bb7886cd959d04b98d374e893aa2940b13e505c880b84cf98190fcdde"}) as unknown as TypedDocumentString<UserRoleByIdQuery, UserRoleByIdQueryVariables>;
export const CreateUserRoleDocument = new TypedDocumentString(`
    mutation CreateUserRole($userRole: UserRoleInput!) {
  createUserRole(input: {userRole: $userRole}) {
    userRole {
      id
      rowId
      organizationId
      userId
      roleId
    }
  }
}
    `, {"hash":"sha256:fc1c9747c578af338c759ddf6a4b6f45ce41c0606230db13cd5c4577ef63b54a"}) as unknown as TypedDocumentString<CreateUserRoleMutation, CreateUserRoleMutationVariables>;
export const DeleteUserRoleDocument = new TypedDocumentString(`
    mutation DeleteUserRole($rowId: UUID!) {
  deleteUserRole(input: {rowId: $rowId}) {
    userRole {
      rowId
    }
  }
}
    `, {"hash":"sha256:6a904711e036963ad8eca45f876141020967aa98de00a10969fb4750bb42b260"}) as unknown as TypedDocumentString<DeleteUserRoleMutation, DeleteUserRoleMutationVariables>;
export const DeleteUserRoleByIdDocument = new TypedDocumentString(`
    mutation DeleteUserRoleById($id: ID!) {
  deleteUserRoleById(input: {id: $id}) {
    userRole {
      rowId
    }
  }
}
    `, {"hash":"sha256:62fc15bcf5d66ede96809cc6f3e4ee0ed40dcc20d5c35ec3fbdb401d1832b828"}) as unknown as TypedDocumentString<DeleteUserRoleByIdMutation, DeleteUserRoleByIdMutationVariables>;
export const UserRoleByOrganizationIdAndUserIdAndRoleIdDocument = new TypedDocumentString(`
    query UserRoleByOrganizationIdAndUserIdAndRoleId($organizationId: UUID!, $userId: UUID!, $roleId: UUID!) {
  userRoleByOrganizationIdAndUserIdAndRoleId(
    organizationId: $organizationId
    userId: $userId
    roleId: $roleId
  ) {
    id
    rowId
    organizationId
  }
}
    `, {"hash":"sha256:9cd593a031936a1095481f410143481e934e749737660bcffc83cdf482cdcf6e"}) as unknown as TypedDocumentString<UserRoleByOrganizationIdAndUserIdAndRoleIdQuery, UserRoleByOrganizationIdAndUserIdAndRoleIdQueryVariables>;
export const DeleteUserRoleByOrganizationIdAndUserIdAndRoleIdDocument = new TypedDocumentString(`
    mutation DeleteUserRoleByOrganizationIdAndUserIdAndRoleId($organizationId: UUID!, $userId: UUID!, $roleId: UUID!) {
  deleteUserRoleByOrganizationIdAndUserIdAndRoleId(
    input: {organizationId: $organizationId, userId: $userId, roleId: $roleId}
  ) {
    userRole {
      rowId
    }
  }
}
    `, {"hash":"sha256:74512bb77de6dd8d2c98c32557836b522e1ca895d6bfd50bf358acd9b485063c"}) as unknown as TypedDocumentString<DeleteUserRoleByOrganizationIdAndUserIdAndRoleIdMutation, DeleteUserRoleByOrganizationIdAndUserIdAndRoleIdMutationVariables>;
export const UsersDocument = new TypedDocumentString(`
    query Users($first: Int) {
  users(first: $first, orderBy: [PRIMARY_KEY_ASC]) {
    totalCount
    nodes {
      id
      rowId
      name
      email
    }
  }
}
    `, {"hash":"sha256:2b6f87c9006c18654a06c917578093869a24ef123a7e473395623475769c9639"}) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const UserDocument = new TypedDocumentString(`
    query User($rowId: UUID!) {
  user(rowId: $rowId) {
    id
    rowId
    name
    email
  }
}
    `, {"hash":"sha256:1f5a1875c1c0e4a5d3eeed1da7704dfff929888d19718e14db7e7cef9dcb52a1"}) as unknown as TypedDocumentString<UserQuery, UserQueryVariables>;
export const UserByIdDocument = new TypedDocumentString(`
    query UserById($id: ID!) {
  userById(id: $id) {
    id
    rowId
    name
  }
}
    `, {"hash":"sha256:2a98a8713ca40e8b9e8edbda71731eda89d84bc873e9e1a5a34d686e96576d82"}) as unknown as TypedDocumentString<UserByIdQuery, UserByIdQueryVariables>;
export const UserRelationsDocument = new TypedDocumentString(`
    query UserRelations($rowId: UUID!) {
  user(rowId: $rowId) {
    rowId
    organizationMemberships {
      totalCount
      nodes {
        rowId
        organizationId
      }
    }
    createdTasks {
      totalCount
      nodes {
        rowId
        organizationId
      }
    }
  }
}
    `, {"hash":"sha256:0a9e20cb2532b18a01351f34a650266a80c8baefe67f6fb6704e6bb12dd03942"}) as unknown as TypedDocumentString<UserRelationsQuery, UserRelationsQueryVariables>;
export const UpdateUserDocument = new TypedDocumentString(`
    mutation UpdateUser($rowId: UUID!, $patch: UserPatch!) {
  updateUser(input: {rowId: $rowId, patch: $patch}) {
    user {
      rowId
      name
    }
  }
}
    `, {"hash":"sha256:6088c5f3bfce35b499c1b494bf62ac144148bf5ccd321fddeedbaa8fa721a87d"}) as unknown as TypedDocumentString<UpdateUserMutation, UpdateUserMutationVariables>;
export const UpdateUserByIdDocument = new TypedDocumentString(`
    mutation UpdateUserById($id: ID!, $patch: UserPatch!) {
  updateUserById(input: {id: $id, patch: $patch}) {
    user {
      rowId
      name
    }
  }
}
    `, {"hash":"sha256:2bf5fe7b2e54f6251c7d95ed3fa4c818d0473f49b59c38b68e2e0c23844f0e86"}) as unknown as TypedDocumentString<UpdateUserByIdMutation, UpdateUserByIdMutationVariables>;
/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A filter to be used against `AuditLog` object types. All fields are combined with a logical ‘and.’ */
export type AuditLogFilter = {
  /** Filter by the object’s `action` field. */
  action?: StringFilter | null | undefined;
  /** Filter by the object’s `actorId` field. */
  actorId?: UuidFilter | null | undefined;
  /** Checks for all expressions in this list. */
  and?: Array<AuditLogFilter> | null | undefined;
  /** Filter by the object’s `createdAt` field. */
  createdAt?: DatetimeFilter | null | undefined;
  /** Filter by the object’s `eventKey` field. */
  eventKey?: StringFilter | null | undefined;
  /** Negates the expression. */
  not?: AuditLogFilter | null | undefined;
  /** Checks for any expressions in this list. */
  or?: Array<AuditLogFilter> | null | undefined;
  /** Filter by the object’s `organizationId` field. */
  organizationId?: UuidFilter | null | undefined;
  /** Filter by the object’s `resourceId` field. */
  resourceId?: UuidFilter | null | undefined;
  /** Filter by the object’s `resourceType` field. */
  resourceType?: StringFilter | null | undefined;
  /** Filter by the object’s `rowId` field. */
  rowId?: UuidFilter | null | undefined;
  /** Filter by the object’s `seq` field. */
  seq?: BigIntFilter | null | undefined;
};

/** A filter to be used against BigInt fields. All fields are combined with a logical ‘and.’ */
export type BigIntFilter = {
  /** Equal to the specified value. */
  equalTo?: string | null | undefined;
  /** Greater than the specified value. */
  greaterThan?: string | null | undefined;
  /** Greater than or equal to the specified value. */
  greaterThanOrEqualTo?: string | null | undefined;
  /** Included in the specified list. */
  in?: Array<string> | null | undefined;
  /** Is null (if `true` is specified) or is not null (if `false` is specified). */
  isNull?: boolean | null | undefined;
  /** Less than the specified value. */
  lessThan?: string | null | undefined;
  /** Less than or equal to the specified value. */
  lessThanOrEqualTo?: string | null | undefined;
  /** Not equal to the specified value. */
  notEqualTo?: string | null | undefined;
  /** Not included in the specified list. */
  notIn?: Array<string> | null | undefined;
};

/** A filter to be used against Datetime fields. All fields are combined with a logical ‘and.’ */
export type DatetimeFilter = {
  /** Equal to the specified value. */
  equalTo?: string | null | undefined;
  /** Greater than the specified value. */
  greaterThan?: string | null | undefined;
  /** Greater than or equal to the specified value. */
  greaterThanOrEqualTo?: string | null | undefined;
  /** Included in the specified list. */
  in?: Array<string> | null | undefined;
  /** Is null (if `true` is specified) or is not null (if `false` is specified). */
  isNull?: boolean | null | undefined;
  /** Less than the specified value. */
  lessThan?: string | null | undefined;
  /** Less than or equal to the specified value. */
  lessThanOrEqualTo?: string | null | undefined;
  /** Not equal to the specified value. */
  notEqualTo?: string | null | undefined;
  /** Not included in the specified list. */
  notIn?: Array<string> | null | undefined;
};

/** A filter to be used against `OrganizationMembership` object types. All fields are combined with a logical ‘and.’ */
export type OrganizationMembershipFilter = {
  /** Checks for all expressions in this list. */
  and?: Array<OrganizationMembershipFilter> | null | undefined;
  /** Negates the expression. */
  not?: OrganizationMembershipFilter | null | undefined;
  /** Checks for any expressions in this list. */
  or?: Array<OrganizationMembershipFilter> | null | undefined;
  /** Filter by the object’s `organizationId` field. */
  organizationId?: UuidFilter | null | undefined;
  /** Filter by the object’s `rowId` field. */
  rowId?: UuidFilter | null | undefined;
  /** Filter by the object’s `userId` field. */
  userId?: UuidFilter | null | undefined;
};

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

/** A filter to be used against String fields. All fields are combined with a logical ‘and.’ */
export type StringFilter = {
  /** Equal to the specified value. */
  equalTo?: string | null | undefined;
  /** Greater than the specified value. */
  greaterThan?: string | null | undefined;
  /** Greater than or equal to the specified value. */
  greaterThanOrEqualTo?: string | null | undefined;
  /** Included in the specified list. */
  in?: Array<string> | null | undefined;
  /** Contains the specified string (case-insensitive). */
  includesInsensitive?: string | null | undefined;
  /** Is null (if `true` is specified) or is not null (if `false` is specified). */
  isNull?: boolean | null | undefined;
  /** Less than the specified value. */
  lessThan?: string | null | undefined;
  /** Less than or equal to the specified value. */
  lessThanOrEqualTo?: string | null | undefined;
  /** Not equal to the specified value. */
  notEqualTo?: string | null | undefined;
  /** Not included in the specified list. */
  notIn?: Array<string> | null | undefined;
};

/** What happened to a task. */
export type TaskChangeEvent =
  | 'CREATED'
  | 'DELETED'
  | 'UPDATED';

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

/** A filter to be used against `Task` object types. All fields are combined with a logical ‘and.’ */
export type TaskFilter = {
  /** Checks for all expressions in this list. */
  and?: Array<TaskFilter> | null | undefined;
  /** Filter by the object’s `assigneeId` field. */
  assigneeId?: UuidFilter | null | undefined;
  /** Filter by the object’s `createdAt` field. */
  createdAt?: DatetimeFilter | null | undefined;
  /** Filter by the object’s `createdById` field. */
  createdById?: UuidFilter | null | undefined;
  /** Negates the expression. */
  not?: TaskFilter | null | undefined;
  /** Checks for any expressions in this list. */
  or?: Array<TaskFilter> | null | undefined;
  /** Filter by the object’s `organizationId` field. */
  organizationId?: UuidFilter | null | undefined;
  /** Filter by the object’s `priority` field. */
  priority?: TaskPriorityFilter | null | undefined;
  /** Filter by the object’s `rowId` field. */
  rowId?: UuidFilter | null | undefined;
  /** Filter by the object’s `status` field. */
  status?: TaskStatusFilter | null | undefined;
  /** Filter by the object’s `teamId` field. */
  teamId?: UuidFilter | null | undefined;
  /** Filter by the object’s `title` field. */
  title?: StringFilter | null | undefined;
  /** Filter by the object’s `updatedAt` field. */
  updatedAt?: DatetimeFilter | null | undefined;
};

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

/** Methods to use when ordering `Task`. */
export type TaskOrderBy =
  | 'ASSIGNEE_ID_ASC'
  | 'ASSIGNEE_ID_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'CREATED_BY_ID_ASC'
  | 'CREATED_BY_ID_DESC'
  | 'NATURAL'
  | 'ORGANIZATION_ID_ASC'
  | 'ORGANIZATION_ID_DESC'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'PRIORITY_ASC'
  | 'PRIORITY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'STATUS_ASC'
  | 'STATUS_DESC'
  | 'TEAM_ID_ASC'
  | 'TEAM_ID_DESC'
  | 'TITLE_ASC'
  | 'TITLE_DESC'
  | 'UPDATED_AT_ASC'
  | 'UPDATED_AT_DESC';

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

/** A filter to be used against TaskPriority fields. All fields are combined with a logical ‘and.’ */
export type TaskPriorityFilter = {
  /** Equal to the specified value. */
  equalTo?: TaskPriority | null | undefined;
  /** Greater than the specified value. */
  greaterThan?: TaskPriority | null | undefined;
  /** Greater than or equal to the specified value. */
  greaterThanOrEqualTo?: TaskPriority | null | undefined;
  /** Included in the specified list. */
  in?: Array<TaskPriority> | null | undefined;
  /** Is null (if `true` is specified) or is not null (if `false` is specified). */
  isNull?: boolean | null | undefined;
  /** Less than the specified value. */
  lessThan?: TaskPriority | null | undefined;
  /** Less than or equal to the specified value. */
  lessThanOrEqualTo?: TaskPriority | null | undefined;
  /** Not equal to the specified value. */
  notEqualTo?: TaskPriority | null | undefined;
  /** Not included in the specified list. */
  notIn?: Array<TaskPriority> | null | undefined;
};

/** Where a task stands. */
export type TaskStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'IN_PROGRESS'
  | 'PENDING';

/** A filter to be used against TaskStatus fields. All fields are combined with a logical ‘and.’ */
export type TaskStatusFilter = {
  /** Equal to the specified value. */
  equalTo?: TaskStatus | null | undefined;
  /** Greater than the specified value. */
  greaterThan?: TaskStatus | null | undefined;
  /** Greater than or equal to the specified value. */
  greaterThanOrEqualTo?: TaskStatus | null | undefined;
  /** Included in the specified list. */
  in?: Array<TaskStatus> | null | undefined;
  /** Is null (if `true` is specified) or is not null (if `false` is specified). */
  isNull?: boolean | null | undefined;
  /** Less than the specified value. */
  lessThan?: TaskStatus | null | undefined;
  /** Less than or equal to the specified value. */
  lessThanOrEqualTo?: TaskStatus | null | undefined;
  /** Not equal to the specified value. */
  notEqualTo?: TaskStatus | null | undefined;
  /** Not included in the specified list. */
  notIn?: Array<TaskStatus> | null | undefined;
};

/** A filter to be used against `Team` object types. All fields are combined with a logical ‘and.’ */
export type TeamFilter = {
  /** Checks for all expressions in this list. */
  and?: Array<TeamFilter> | null | undefined;
  /** Filter by the object’s `name` field. */
  name?: StringFilter | null | undefined;
  /** Negates the expression. */
  not?: TeamFilter | null | undefined;
  /** Checks for any expressions in this list. */
  or?: Array<TeamFilter> | null | undefined;
  /** Filter by the object’s `organizationId` field. */
  organizationId?: UuidFilter | null | undefined;
  /** Filter by the object’s `rowId` field. */
  rowId?: UuidFilter | null | undefined;
};

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

/** A filter to be used against UUID fields. All fields are combined with a logical ‘and.’ */
export type UuidFilter = {
  /** Equal to the specified value. */
  equalTo?: string | null | undefined;
  /** Greater than the specified value. */
  greaterThan?: string | null | undefined;
  /** Greater than or equal to the specified value. */
  greaterThanOrEqualTo?: string | null | undefined;
  /** Included in the specified list. */
  in?: Array<string> | null | undefined;
  /** Is null (if `true` is specified) or is not null (if `false` is specified). */
  isNull?: boolean | null | undefined;
  /** Less than the specified value. */
  lessThan?: string | null | undefined;
  /** Less than or equal to the specified value. */
  lessThanOrEqualTo?: string | null | undefined;
  /** Not equal to the specified value. */
  notEqualTo?: string | null | undefined;
  /** Not included in the specified list. */
  notIn?: Array<string> | null | undefined;
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

export type RenameCurrentUserMutationVariables = Exact<{
  rowId: string;
  name: string;
}>;


export type RenameCurrentUserMutation = { updateUser: { user: { rowId: string, name: string } | null } | null };

export type ConsoleSecurityEventsQueryVariables = Exact<{
  first: number;
}>;


export type ConsoleSecurityEventsQuery = { currentUser: { rowId: string, securityEvents: { nodes: Array<{ rowId: string, kind: string, ip: string | null, userAgent: string | null, createdAt: string, sessionId: string | null }> } } | null };

export type AuditLogListQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogListQuery = { auditLogs: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ rowId: string, seq: string, action: string, resourceType: string, resourceId: string, actorId: string | null, details: unknown, createdAt: string, actor: { rowId: string, name: string } | null }> } | null };

export type AuditChainStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditChainStatusQuery = { verifyAuditChain: { ok: boolean | null, checked: string | null, brokenSeq: string | null, setAside: number | null } | null };

export type AuditTaskTitlesQueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type AuditTaskTitlesQuery = { tasks: { nodes: Array<{ rowId: string, title: string }> } | null };

export type MemberListQueryVariables = Exact<{
  filter?: OrganizationMembershipFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MemberListQuery = { organizationMemberships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ rowId: string, userId: string, createdAt: string, user: { rowId: string, name: string, email: string, userRoles: { nodes: Array<{ rowId: string, role: { rowId: string, name: string } | null }> } } | null }> } | null };

export type MemberAccessQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MemberAccessQuery = { permissions: { nodes: Array<{ name: string, description: string }> } | null, organizationMemberships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ rowId: string, effectivePermissions: Array<string> | null, user: { rowId: string, name: string, email: string } | null }> } | null };

export type RemoveMemberMutationVariables = Exact<{
  rowId: string;
}>;


export type RemoveMemberMutation = { deleteOrganizationMembership: { organizationMembership: { rowId: string } | null } | null };

export type InvitationListQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type InvitationListQuery = { invitations: { totalCount: number, nodes: Array<{ rowId: string, email: string, expiresAt: string, acceptedAt: string | null, createdAt: string, role: { rowId: string, name: string } | null, invitedBy: { rowId: string, name: string } | null }> } | null };

export type SendInvitationMutationVariables = Exact<{
  email: string;
  roleId: string;
}>;


export type SendInvitationMutation = { inviteToOrganization: { result: { rowId: string, email: string } | null } | null };

export type RevokeInvitationMutationVariables = Exact<{
  rowId: string;
}>;


export type RevokeInvitationMutation = { deleteInvitation: { invitation: { rowId: string } | null } | null };

export type ConsoleSessionQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleSessionQuery = { currentUserPermissions: Array<string> | null, currentUser: { rowId: string, email: string, name: string, emailVerified: boolean | null } | null, organizations: { nodes: Array<{ rowId: string, name: string, slug: string }> } | null };

export type CreateConsoleOrganizationMutationVariables = Exact<{
  name: string;
  slug: string;
}>;


export type CreateConsoleOrganizationMutation = { createOrganization: { organization: { rowId: string, name: string, slug: string } | null } | null };

export type AcceptInvitationLinkMutationVariables = Exact<{
  token: string;
}>;


export type AcceptInvitationLinkMutation = { acceptInvitation: { result: { rowId: string, name: string, slug: string } | null } | null };

export type InvitationPreviewQueryVariables = Exact<{
  token: string;
}>;


export type InvitationPreviewQuery = { invitationByToken: { organizationName: string, roleName: string, invitedByName: string, email: string, expiresAt: string } | null };

export type TaskListChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TaskListChangedSubscription = { taskChanged: { event: TaskChangeEvent, rowId: string } };

export type RoleListQueryVariables = Exact<{ [key: string]: never; }>;


export type RoleListQuery = { permissions: { nodes: Array<{ name: string, description: string }> } | null, roles: { nodes: Array<{ rowId: string, name: string, description: string, permissions: Array<string>, isSystem: boolean }> } | null };

export type CreateRoleRowMutationVariables = Exact<{
  role: RoleInput;
}>;


export type CreateRoleRowMutation = { createRole: { role: { rowId: string, name: string, permissions: Array<string> } | null } | null };

export type UpdateRoleRowMutationVariables = Exact<{
  rowId: string;
  patch: RolePatch;
}>;


export type UpdateRoleRowMutation = { updateRole: { role: { rowId: string, name: string, permissions: Array<string> } | null } | null };

export type DeleteRoleRowMutationVariables = Exact<{
  rowId: string;
}>;


export type DeleteRoleRowMutation = { deleteRole: { role: { rowId: string } | null } | null };

export type AssignRoleMutationVariables = Exact<{
  userId: string;
  roleId: string;
}>;


export type AssignRoleMutation = { createUserRole: { userRole: { rowId: string } | null } | null };

export type UnassignRoleMutationVariables = Exact<{
  rowId: string;
}>;


export type UnassignRoleMutation = { deleteUserRole: { userRole: { rowId: string } | null } | null };

export type TaskDetailFragment = { id: string, rowId: string, title: string, description: string, status: TaskStatus, priority: TaskPriority, metadata: unknown, assigneeId: string | null, teamId: string | null, createdAt: string, updatedAt: string, completedAt: string | null, assignee: { rowId: string, name: string } | null, team: { rowId: string, name: string } | null, createdBy: { rowId: string, name: string } | null };

export type TaskLinkFragment = { rowId: string, type: TaskDependencyType, createdAt: string, taskId: string, dependsOnTaskId: string, task: { rowId: string, title: string, status: TaskStatus } | null, dependsOnTask: { rowId: string, title: string, status: TaskStatus } | null };

export type TaskPageQueryVariables = Exact<{
  rowId: string;
}>;


export type TaskPageQuery = { task: { id: string, rowId: string, title: string, description: string, status: TaskStatus, priority: TaskPriority, metadata: unknown, assigneeId: string | null, teamId: string | null, createdAt: string, updatedAt: string, completedAt: string | null, dependencies: { totalCount: number, nodes: Array<{ rowId: string, type: TaskDependencyType, createdAt: string, taskId: string, dependsOnTaskId: string, task: { rowId: string, title: string, status: TaskStatus } | null, dependsOnTask: { rowId: string, title: string, status: TaskStatus } | null }> }, dependents: { totalCount: number, nodes: Array<{ rowId: string, type: TaskDependencyType, createdAt: string, taskId: string, dependsOnTaskId: string, task: { rowId: string, title: string, status: TaskStatus } | null, dependsOnTask: { rowId: string, title: string, status: TaskStatus } | null }> }, history: { totalCount: number, nodes: Array<{ rowId: string, action: string, actorId: string | null, changes: unknown, createdAt: string, actor: { rowId: string, name: string } | null }> }, assignee: { rowId: string, name: string } | null, team: { rowId: string, name: string } | null, createdBy: { rowId: string, name: string } | null } | null };

export type TaskLinkChoicesQueryVariables = Exact<{
  filter?: TaskFilter | null | undefined;
}>;


export type TaskLinkChoicesQuery = { tasks: { nodes: Array<{ rowId: string, title: string }> } | null };

export type UpdateTaskDetailMutationVariables = Exact<{
  rowId: string;
  patch: TaskPatch;
}>;


export type UpdateTaskDetailMutation = { updateTask: { task: { id: string, rowId: string, title: string, description: string, status: TaskStatus, priority: TaskPriority, metadata: unknown, assigneeId: string | null, teamId: string | null, createdAt: string, updatedAt: string, completedAt: string | null, assignee: { rowId: string, name: string } | null, team: { rowId: string, name: string } | null, createdBy: { rowId: string, name: string } | null } | null } | null };

export type AddTaskLinkMutationVariables = Exact<{
  taskDependency: TaskDependencyInput;
}>;


export type AddTaskLinkMutation = { createTaskDependency: { taskDependency: { rowId: string } | null } | null };

export type RemoveTaskLinkMutationVariables = Exact<{
  rowId: string;
}>;


export type RemoveTaskLinkMutation = { deleteTaskDependency: { taskDependency: { rowId: string } | null } | null };

export type TaskPageChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TaskPageChangedSubscription = { taskChanged: { event: TaskChangeEvent, rowId: string } };

export type TaskRowFragment = { id: string, rowId: string, title: string, description: string, status: TaskStatus, priority: TaskPriority, assigneeId: string | null, teamId: string | null, createdAt: string, updatedAt: string, assignee: { rowId: string, name: string } | null, team: { rowId: string, name: string } | null };

export type TaskListQueryVariables = Exact<{
  filter?: TaskFilter | null | undefined;
  orderBy?: Array<TaskOrderBy> | TaskOrderBy | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type TaskListQuery = { tasks: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, nodes: Array<{ id: string, rowId: string, title: string, description: string, status: TaskStatus, priority: TaskPriority, assigneeId: string | null, teamId: string | null, createdAt: string, updatedAt: string, assignee: { rowId: string, name: string } | null, team: { rowId: string, name: string } | null }> } | null };

export type CreateTaskRowMutationVariables = Exact<{
  task: TaskInput;
}>;


export type CreateTaskRowMutation = { createTask: { task: { id: string, rowId: string, title: string, description: string, status: TaskStatus, priority: TaskPriority, assigneeId: string | null, teamId: string | null, createdAt: string, updatedAt: string, assignee: { rowId: string, name: string } | null, team: { rowId: string, name: string } | null } | null } | null };

export type UpdateTaskRowMutationVariables = Exact<{
  rowId: string;
  patch: TaskPatch;
}>;


export type UpdateTaskRowMutation = { updateTask: { task: { id: string, rowId: string, title: string, description: string, status: TaskStatus, priority: TaskPriority, assigneeId: string | null, teamId: string | null, createdAt: string, updatedAt: string, assignee: { rowId: string, name: string } | null, team: { rowId: string, name: string } | null } | null } | null };

export type DeleteTaskRowMutationVariables = Exact<{
  rowId: string;
}>;


export type DeleteTaskRowMutation = { deleteTask: { task: { rowId: string } | null } | null };

export type TaskChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type TaskChoicesQuery = { organizationMemberships: { nodes: Array<{ user: { rowId: string, name: string } | null }> } | null, teams: { nodes: Array<{ rowId: string, name: string }> } | null };

export type TeamListQueryVariables = Exact<{
  filter?: TeamFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TeamListQuery = { teams: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ rowId: string, name: string, description: string, members: { nodes: Array<{ rowId: string, user: { rowId: string, name: string } | null }> } }> } | null };

export type CreateTeamRowMutationVariables = Exact<{
  team: TeamInput;
}>;


export type CreateTeamRowMutation = { createTeam: { team: { rowId: string, name: string } | null } | null };

export type DeleteTeamRowMutationVariables = Exact<{
  rowId: string;
}>;


export type DeleteTeamRowMutation = { deleteTeam: { team: { rowId: string } | null } | null };

export type AddTeamMemberMutationVariables = Exact<{
  teamId: string;
  userId: string;
}>;


export type AddTeamMemberMutation = { createTeamMembership: { teamMembership: { rowId: string } | null } | null };

export type RemoveTeamMemberMutationVariables = Exact<{
  rowId: string;
}>;


export type RemoveTeamMemberMutation = { deleteTeamMembership: { teamMembership: { rowId: string } | null } | null };

export type TaskChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TaskChangedSubscription = { taskChanged: { event: TaskChangeEvent, rowId: string, task: { id: string, rowId: string, title: string, status: TaskStatus, priority: TaskPriority, assigneeId: string | null, updatedAt: string } | null } };

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

export type OrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationsQuery = { organizations: { nodes: Array<{ id: string, rowId: string, name: string, slug: string }> } | null };

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
export const TaskDetailFragmentDoc = new TypedDocumentString(`
    fragment TaskDetail on Task {
  id
  rowId
  title
  description
  status
  priority
  metadata
  assigneeId
  teamId
  createdAt
  updatedAt
  completedAt
  assignee {
    rowId
    name
  }
  team {
    rowId
    name
  }
  createdBy {
    rowId
    name
  }
}
    `, {"fragmentName":"TaskDetail"}) as unknown as TypedDocumentString<TaskDetailFragment, unknown>;
export const TaskLinkFragmentDoc = new TypedDocumentString(`
    fragment TaskLink on TaskDependency {
  rowId
  type
  createdAt
  taskId
  dependsOnTaskId
  task {
    rowId
    title
    status
  }
  dependsOnTask {
    rowId
    title
    status
  }
}
    `, {"fragmentName":"TaskLink"}) as unknown as TypedDocumentString<TaskLinkFragment, unknown>;
export const TaskRowFragmentDoc = new TypedDocumentString(`
    fragment TaskRow on Task {
  id
  rowId
  title
  description
  status
  priority
  assigneeId
  teamId
  createdAt
  updatedAt
  assignee {
    rowId
    name
  }
  team {
    rowId
    name
  }
}
    `, {"fragmentName":"TaskRow"}) as unknown as TypedDocumentString<TaskRowFragment, unknown>;
export const RenameCurrentUserDocument = new TypedDocumentString(`
    mutation RenameCurrentUser($rowId: UUID!, $name: String!) {
  updateUser(input: {rowId: $rowId, patch: {name: $name}}) {
    user {
      rowId
      name
    }
  }
}
    `) as unknown as TypedDocumentString<RenameCurrentUserMutation, RenameCurrentUserMutationVariables>;
export const ConsoleSecurityEventsDocument = new TypedDocumentString(`
    query ConsoleSecurityEvents($first: Int!) {
  currentUser {
    rowId
    securityEvents(first: $first, orderBy: [CREATED_AT_DESC]) {
      nodes {
        rowId
        kind
        ip
        userAgent
        createdAt
        sessionId
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleSecurityEventsQuery, ConsoleSecurityEventsQueryVariables>;
export const AuditLogListDocument = new TypedDocumentString(`
    query AuditLogList($filter: AuditLogFilter, $first: Int, $after: Cursor) {
  auditLogs(filter: $filter, first: $first, after: $after, orderBy: [SEQ_DESC]) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      rowId
      seq
      action
      resourceType
      resourceId
      actorId
      actor {
        rowId
        name
      }
      details
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<AuditLogListQuery, AuditLogListQueryVariables>;
export const AuditChainStatusDocument = new TypedDocumentString(`
    query AuditChainStatus {
  verifyAuditChain {
    ok
    checked
    brokenSeq
    setAside
  }
}
    `) as unknown as TypedDocumentString<AuditChainStatusQuery, AuditChainStatusQueryVariables>;
export const AuditTaskTitlesDocument = new TypedDocumentString(`
    query AuditTaskTitles($ids: [UUID!]!) {
  tasks(filter: {rowId: {in: $ids}}, first: 100) {
    nodes {
      rowId
      title
    }
  }
}
    `) as unknown as TypedDocumentString<AuditTaskTitlesQuery, AuditTaskTitlesQueryVariables>;
export const MemberListDocument = new TypedDocumentString(`
    query MemberList($filter: OrganizationMembershipFilter, $first: Int, $after: Cursor) {
  organizationMemberships(
    filter: $filter
    first: $first
    after: $after
    orderBy: [PRIMARY_KEY_ASC]
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      rowId
      userId
      createdAt
      user {
        rowId
        name
        email
        userRoles(first: 20) {
          nodes {
            rowId
            role {
              rowId
              name
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MemberListQuery, MemberListQueryVariables>;
export const MemberAccessDocument = new TypedDocumentString(`
    query MemberAccess($first: Int, $after: Cursor) {
  permissions(orderBy: [PRIMARY_KEY_ASC]) {
    nodes {
      name
      description
    }
  }
  organizationMemberships(
    first: $first
    after: $after
    orderBy: [PRIMARY_KEY_ASC]
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      rowId
      effectivePermissions
      user {
        rowId
        name
        email
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MemberAccessQuery, MemberAccessQueryVariables>;
export const RemoveMemberDocument = new TypedDocumentString(`
    mutation RemoveMember($rowId: UUID!) {
  deleteOrganizationMembership(input: {rowId: $rowId}) {
    organizationMembership {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const InvitationListDocument = new TypedDocumentString(`
    query InvitationList($first: Int) {
  invitations(first: $first, orderBy: [CREATED_AT_DESC]) {
    totalCount
    nodes {
      rowId
      email
      expiresAt
      acceptedAt
      createdAt
      role {
        rowId
        name
      }
      invitedBy {
        rowId
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InvitationListQuery, InvitationListQueryVariables>;
export const SendInvitationDocument = new TypedDocumentString(`
    mutation SendInvitation($email: String!, $roleId: UUID!) {
  inviteToOrganization(input: {email: $email, roleId: $roleId}) {
    result {
      rowId
      email
    }
  }
}
    `) as unknown as TypedDocumentString<SendInvitationMutation, SendInvitationMutationVariables>;
export const RevokeInvitationDocument = new TypedDocumentString(`
    mutation RevokeInvitation($rowId: UUID!) {
  deleteInvitation(input: {rowId: $rowId}) {
    invitation {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const ConsoleSessionDocument = new TypedDocumentString(`
    query ConsoleSession {
  currentUser {
    rowId
    email
    name
    emailVerified
  }
  currentUserPermissions
  organizations(first: 100, orderBy: [SLUG_ASC]) {
    nodes {
      rowId
      name
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleSessionQuery, ConsoleSessionQueryVariables>;
export const CreateConsoleOrganizationDocument = new TypedDocumentString(`
    mutation CreateConsoleOrganization($name: String!, $slug: String!) {
  createOrganization(input: {organization: {name: $name, slug: $slug}}) {
    organization {
      rowId
      name
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<CreateConsoleOrganizationMutation, CreateConsoleOrganizationMutationVariables>;
export const AcceptInvitationLinkDocument = new TypedDocumentString(`
    mutation AcceptInvitationLink($token: String!) {
  acceptInvitation(input: {token: $token}) {
    result {
      rowId
      name
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<AcceptInvitationLinkMutation, AcceptInvitationLinkMutationVariables>;
export const InvitationPreviewDocument = new TypedDocumentString(`
    query InvitationPreview($token: String!) {
  invitationByToken(token: $token) {
    organizationName
    roleName
    invitedByName
    email
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<InvitationPreviewQuery, InvitationPreviewQueryVariables>;
export const TaskListChangedDocument = new TypedDocumentString(`
    subscription TaskListChanged {
  taskChanged {
    event
    rowId
  }
}
    `) as unknown as TypedDocumentString<TaskListChangedSubscription, TaskListChangedSubscriptionVariables>;
export const RoleListDocument = new TypedDocumentString(`
    query RoleList {
  permissions(orderBy: [PRIMARY_KEY_ASC]) {
    nodes {
      name
      description
    }
  }
  roles(first: 100, orderBy: [NAME_ASC]) {
    nodes {
      rowId
      name
      description
      permissions
      isSystem
    }
  }
}
    `) as unknown as TypedDocumentString<RoleListQuery, RoleListQueryVariables>;
export const CreateRoleRowDocument = new TypedDocumentString(`
    mutation CreateRoleRow($role: RoleInput!) {
  createRole(input: {role: $role}) {
    role {
      rowId
      name
      permissions
    }
  }
}
    `) as unknown as TypedDocumentString<CreateRoleRowMutation, CreateRoleRowMutationVariables>;
export const UpdateRoleRowDocument = new TypedDocumentString(`
    mutation UpdateRoleRow($rowId: UUID!, $patch: RolePatch!) {
  updateRole(input: {rowId: $rowId, patch: $patch}) {
    role {
      rowId
      name
      permissions
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateRoleRowMutation, UpdateRoleRowMutationVariables>;
export const DeleteRoleRowDocument = new TypedDocumentString(`
    mutation DeleteRoleRow($rowId: UUID!) {
  deleteRole(input: {rowId: $rowId}) {
    role {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteRoleRowMutation, DeleteRoleRowMutationVariables>;
export const AssignRoleDocument = new TypedDocumentString(`
    mutation AssignRole($userId: UUID!, $roleId: UUID!) {
  createUserRole(input: {userRole: {userId: $userId, roleId: $roleId}}) {
    userRole {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<AssignRoleMutation, AssignRoleMutationVariables>;
export const UnassignRoleDocument = new TypedDocumentString(`
    mutation UnassignRole($rowId: UUID!) {
  deleteUserRole(input: {rowId: $rowId}) {
    userRole {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<UnassignRoleMutation, UnassignRoleMutationVariables>;
export const TaskPageDocument = new TypedDocumentString(`
    query TaskPage($rowId: UUID!) {
  task(rowId: $rowId) {
    ...TaskDetail
    dependencies(first: 100) {
      totalCount
      nodes {
        ...TaskLink
      }
    }
    dependents(first: 100) {
      totalCount
      nodes {
        ...TaskLink
      }
    }
    history(first: 50, orderBy: [CREATED_AT_DESC]) {
      totalCount
      nodes {
        rowId
        action
        actorId
        actor {
          rowId
          name
        }
        changes
        createdAt
      }
    }
  }
}
    fragment TaskDetail on Task {
  id
  rowId
  title
  description
  status
  priority
  metadata
  assigneeId
  teamId
  createdAt
  updatedAt
  completedAt
  assignee {
    rowId
    name
  }
  team {
    rowId
    name
  }
  createdBy {
    rowId
    name
  }
}
fragment TaskLink on TaskDependency {
  rowId
  type
  createdAt
  taskId
  dependsOnTaskId
  task {
    rowId
    title
    status
  }
  dependsOnTask {
    rowId
    title
    status
  }
}`) as unknown as TypedDocumentString<TaskPageQuery, TaskPageQueryVariables>;
export const TaskLinkChoicesDocument = new TypedDocumentString(`
    query TaskLinkChoices($filter: TaskFilter) {
  tasks(first: 50, orderBy: [TITLE_ASC], filter: $filter) {
    nodes {
      rowId
      title
    }
  }
}
    `) as unknown as TypedDocumentString<TaskLinkChoicesQuery, TaskLinkChoicesQueryVariables>;
export const UpdateTaskDetailDocument = new TypedDocumentString(`
    mutation UpdateTaskDetail($rowId: UUID!, $patch: TaskPatch!) {
  updateTask(input: {rowId: $rowId, patch: $patch}) {
    task {
      ...TaskDetail
    }
  }
}
    fragment TaskDetail on Task {
  id
  rowId
  title
  description
  status
  priority
  metadata
  assigneeId
  teamId
  createdAt
  updatedAt
  completedAt
  assignee {
    rowId
    name
  }
  team {
    rowId
    name
  }
  createdBy {
    rowId
    name
  }
}`) as unknown as TypedDocumentString<UpdateTaskDetailMutation, UpdateTaskDetailMutationVariables>;
export const AddTaskLinkDocument = new TypedDocumentString(`
    mutation AddTaskLink($taskDependency: TaskDependencyInput!) {
  createTaskDependency(input: {taskDependency: $taskDependency}) {
    taskDependency {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<AddTaskLinkMutation, AddTaskLinkMutationVariables>;
export const RemoveTaskLinkDocument = new TypedDocumentString(`
    mutation RemoveTaskLink($rowId: UUID!) {
  deleteTaskDependency(input: {rowId: $rowId}) {
    taskDependency {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<RemoveTaskLinkMutation, RemoveTaskLinkMutationVariables>;
export const TaskPageChangedDocument = new TypedDocumentString(`
    subscription TaskPageChanged {
  taskChanged {
    event
    rowId
  }
}
    `) as unknown as TypedDocumentString<TaskPageChangedSubscription, TaskPageChangedSubscriptionVariables>;
export const TaskListDocument = new TypedDocumentString(`
    query TaskList($filter: TaskFilter, $orderBy: [TaskOrderBy!], $first: Int, $after: Cursor, $last: Int, $before: Cursor) {
  tasks(
    filter: $filter
    orderBy: $orderBy
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    nodes {
      ...TaskRow
    }
  }
}
    fragment TaskRow on Task {
  id
  rowId
  title
  description
  status
  priority
  assigneeId
  teamId
  createdAt
  updatedAt
  assignee {
    rowId
    name
  }
  team {
    rowId
    name
  }
}`) as unknown as TypedDocumentString<TaskListQuery, TaskListQueryVariables>;
export const CreateTaskRowDocument = new TypedDocumentString(`
    mutation CreateTaskRow($task: TaskInput!) {
  createTask(input: {task: $task}) {
    task {
      ...TaskRow
    }
  }
}
    fragment TaskRow on Task {
  id
  rowId
  title
  description
  status
  priority
  assigneeId
  teamId
  createdAt
  updatedAt
  assignee {
    rowId
    name
  }
  team {
    rowId
    name
  }
}`) as unknown as TypedDocumentString<CreateTaskRowMutation, CreateTaskRowMutationVariables>;
export const UpdateTaskRowDocument = new TypedDocumentString(`
    mutation UpdateTaskRow($rowId: UUID!, $patch: TaskPatch!) {
  updateTask(input: {rowId: $rowId, patch: $patch}) {
    task {
      ...TaskRow
    }
  }
}
    fragment TaskRow on Task {
  id
  rowId
  title
  description
  status
  priority
  assigneeId
  teamId
  createdAt
  updatedAt
  assignee {
    rowId
    name
  }
  team {
    rowId
    name
  }
}`) as unknown as TypedDocumentString<UpdateTaskRowMutation, UpdateTaskRowMutationVariables>;
export const DeleteTaskRowDocument = new TypedDocumentString(`
    mutation DeleteTaskRow($rowId: UUID!) {
  deleteTask(input: {rowId: $rowId}) {
    task {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteTaskRowMutation, DeleteTaskRowMutationVariables>;
export const TaskChoicesDocument = new TypedDocumentString(`
    query TaskChoices {
  organizationMemberships(first: 100, orderBy: [PRIMARY_KEY_ASC]) {
    nodes {
      user {
        rowId
        name
      }
    }
  }
  teams(first: 100, orderBy: [NAME_ASC]) {
    nodes {
      rowId
      name
    }
  }
}
    `) as unknown as TypedDocumentString<TaskChoicesQuery, TaskChoicesQueryVariables>;
export const TeamListDocument = new TypedDocumentString(`
    query TeamList($filter: TeamFilter, $first: Int = 50, $after: Cursor) {
  teams(filter: $filter, first: $first, after: $after, orderBy: [NAME_ASC]) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      rowId
      name
      description
      members(first: 50) {
        nodes {
          rowId
          user {
            rowId
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TeamListQuery, TeamListQueryVariables>;
export const CreateTeamRowDocument = new TypedDocumentString(`
    mutation CreateTeamRow($team: TeamInput!) {
  createTeam(input: {team: $team}) {
    team {
      rowId
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CreateTeamRowMutation, CreateTeamRowMutationVariables>;
export const DeleteTeamRowDocument = new TypedDocumentString(`
    mutation DeleteTeamRow($rowId: UUID!) {
  deleteTeam(input: {rowId: $rowId}) {
    team {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteTeamRowMutation, DeleteTeamRowMutationVariables>;
export const AddTeamMemberDocument = new TypedDocumentString(`
    mutation AddTeamMember($teamId: UUID!, $userId: UUID!) {
  createTeamMembership(
    input: {teamMembership: {teamId: $teamId, userId: $userId}}
  ) {
    teamMembership {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<AddTeamMemberMutation, AddTeamMemberMutationVariables>;
export const RemoveTeamMemberDocument = new TypedDocumentString(`
    mutation RemoveTeamMember($rowId: UUID!) {
  deleteTeamMembership(input: {rowId: $rowId}) {
    teamMembership {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<RemoveTeamMemberMutation, RemoveTeamMemberMutationVariables>;
export const TaskChangedDocument = new TypedDocumentString(`
    subscription TaskChanged {
  taskChanged {
    event
    rowId
    task {
      id
      rowId
      title
      status
      priority
      assigneeId
      updatedAt
    }
  }
}
    `) as unknown as TypedDocumentString<TaskChangedSubscription, TaskChangedSubscriptionVariables>;
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
    `) as unknown as TypedDocumentString<AuditLogsQuery, AuditLogsQueryVariables>;
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
    `) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const AuditLogByIdDocument = new TypedDocumentString(`
    query AuditLogById($id: ID!) {
  auditLogById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `) as unknown as TypedDocumentString<AuditLogByIdQuery, AuditLogByIdQueryVariables>;
export const AuditLogByEventKeyDocument = new TypedDocumentString(`
    query AuditLogByEventKey($eventKey: String!) {
  auditLogByEventKey(eventKey: $eventKey) {
    id
    rowId
    organizationId
  }
}
    `) as unknown as TypedDocumentString<AuditLogByEventKeyQuery, AuditLogByEventKeyQueryVariables>;
export const AuditLogByOrganizationIdAndSeqDocument = new TypedDocumentString(`
    query AuditLogByOrganizationIdAndSeq($organizationId: UUID!, $seq: BigInt!) {
  auditLogByOrganizationIdAndSeq(organizationId: $organizationId, seq: $seq) {
    id
    rowId
    organizationId
  }
}
    `) as unknown as TypedDocumentString<AuditLogByOrganizationIdAndSeqQuery, AuditLogByOrganizationIdAndSeqQueryVariables>;
export const AuditVerifyChainDocument = new TypedDocumentString(`
    query AuditVerifyChain {
  verifyAuditChain {
    ok
    checked
    brokenSeq
    setAside
  }
}
    `) as unknown as TypedDocumentString<AuditVerifyChainQuery, AuditVerifyChainQueryVariables>;
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
    `) as unknown as TypedDocumentString<AuditInviteMutation, AuditInviteMutationVariables>;
export const AuditAcceptInvitationDocument = new TypedDocumentString(`
    mutation AuditAcceptInvitation($token: String!) {
  acceptInvitation(input: {token: $token}) {
    result {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<AuditAcceptInvitationMutation, AuditAcceptInvitationMutationVariables>;
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
    `) as unknown as TypedDocumentString<AuditLogEntriesQuery, AuditLogEntriesQueryVariables>;
export const CurrentUserDocument = new TypedDocumentString(`
    query CurrentUser {
  currentUser {
    rowId
    email
    name
  }
  currentUserPermissions
}
    `) as unknown as TypedDocumentString<CurrentUserQuery, CurrentUserQueryVariables>;
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
    `) as unknown as TypedDocumentString<TaskHistoriesQuery, TaskHistoriesQueryVariables>;
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
    `) as unknown as TypedDocumentString<TaskHistoryQuery, TaskHistoryQueryVariables>;
export const TaskHistoryByIdDocument = new TypedDocumentString(`
    query TaskHistoryById($id: ID!) {
  taskHistoryById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `) as unknown as TypedDocumentString<TaskHistoryByIdQuery, TaskHistoryByIdQueryVariables>;
export const TaskHistoryByEventKeyDocument = new TypedDocumentString(`
    query TaskHistoryByEventKey($eventKey: String!) {
  taskHistoryByEventKey(eventKey: $eventKey) {
    id
    rowId
    organizationId
  }
}
    `) as unknown as TypedDocumentString<TaskHistoryByEventKeyQuery, TaskHistoryByEventKeyQueryVariables>;
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
    `) as unknown as TypedDocumentString<InviteToOrganizationMutation, InviteToOrganizationMutationVariables>;
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
    `) as unknown as TypedDocumentString<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
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
    `) as unknown as TypedDocumentString<InvitationsAllFieldsQuery, InvitationsAllFieldsQueryVariables>;
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
    `) as unknown as TypedDocumentString<InvitationsQuery, InvitationsQueryVariables>;
export const InvitationDocument = new TypedDocumentString(`
    query Invitation($rowId: UUID!) {
  invitation(rowId: $rowId) {
    id
    rowId
    organizationId
    email
  }
}
    `) as unknown as TypedDocumentString<InvitationQuery, InvitationQueryVariables>;
export const InvitationByIdDocument = new TypedDocumentString(`
    query InvitationById($id: ID!) {
  invitationById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `) as unknown as TypedDocumentString<InvitationByIdQuery, InvitationByIdQueryVariables>;
export const DeleteInvitationDocument = new TypedDocumentString(`
    mutation DeleteInvitation($rowId: UUID!) {
  deleteInvitation(input: {rowId: $rowId}) {
    invitation {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteInvitationMutation, DeleteInvitationMutationVariables>;
export const DeleteInvitationByIdDocument = new TypedDocumentString(`
    mutation DeleteInvitationById($id: ID!) {
  deleteInvitationById(input: {id: $id}) {
    invitation {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteInvitationByIdMutation, DeleteInvitationByIdMutationVariables>;
export const NodeDocument = new TypedDocumentString(`
    query Node($id: ID!) {
  node(id: $id) {
    id
    __typename
  }
}
    `) as unknown as TypedDocumentString<NodeQuery, NodeQueryVariables>;
export const OrganizationDocument = new TypedDocumentString(`
    query Organization($rowId: UUID!) {
  organization(rowId: $rowId) {
    id
    rowId
    name
    slug
  }
}
    `) as unknown as TypedDocumentString<OrganizationQuery, OrganizationQueryVariables>;
export const OrganizationByIdDocument = new TypedDocumentString(`
    query OrganizationById($id: ID!) {
  organizationById(id: $id) {
    id
    rowId
    name
  }
}
    `) as unknown as TypedDocumentString<OrganizationByIdQuery, OrganizationByIdQueryVariables>;
export const OrganizationBySlugDocument = new TypedDocumentString(`
    query OrganizationBySlug($slug: String!) {
  organizationBySlug(slug: $slug) {
    id
    rowId
  }
}
    `) as unknown as TypedDocumentString<OrganizationBySlugQuery, OrganizationBySlugQueryVariables>;
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
    `) as unknown as TypedDocumentString<OrganizationRelationsQuery, OrganizationRelationsQueryVariables>;
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
    `) as unknown as TypedDocumentString<UpdateOrganizationMutation, UpdateOrganizationMutationVariables>;
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
    `) as unknown as TypedDocumentString<UpdateOrganizationByIdMutation, UpdateOrganizationByIdMutationVariables>;
export const DeleteOrganizationDocument = new TypedDocumentString(`
    mutation DeleteOrganization($rowId: UUID!) {
  deleteOrganization(input: {rowId: $rowId}) {
    organization {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteOrganizationMutation, DeleteOrganizationMutationVariables>;
export const DeleteOrganizationByIdDocument = new TypedDocumentString(`
    mutation DeleteOrganizationById($id: ID!) {
  deleteOrganizationById(input: {id: $id}) {
    organization {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteOrganizationByIdMutation, DeleteOrganizationByIdMutationVariables>;
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
    `) as unknown as TypedDocumentString<UpdateOrganizationBySlugMutation, UpdateOrganizationBySlugMutationVariables>;
export const DeleteOrganizationBySlugDocument = new TypedDocumentString(`
    mutation DeleteOrganizationBySlug($slug: String!) {
  deleteOrganizationBySlug(input: {slug: $slug}) {
    organization {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteOrganizationBySlugMutation, DeleteOrganizationBySlugMutationVariables>;
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
    `) as unknown as TypedDocumentString<MyOrganizationsQuery, MyOrganizationsQueryVariables>;
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
    `) as unknown as TypedDocumentString<OrganizationMembershipsQuery, OrganizationMembershipsQueryVariables>;
export const OrganizationMembershipDocument = new TypedDocumentString(`
    query OrganizationMembership($rowId: UUID!) {
  organizationMembership(rowId: $rowId) {
    id
    rowId
    organizationId
    userId
  }
}
    `) as unknown as TypedDocumentString<OrganizationMembershipQuery, OrganizationMembershipQueryVariables>;
export const OrganizationMembershipByIdDocument = new TypedDocumentString(`
    query OrganizationMembershipById($id: ID!) {
  organizationMembershipById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `) as unknown as TypedDocumentString<OrganizationMembershipByIdQuery, OrganizationMembershipByIdQueryVariables>;
export const DeleteOrganizationMembershipDocument = new TypedDocumentString(`
    mutation DeleteOrganizationMembership($rowId: UUID!) {
  deleteOrganizationMembership(input: {rowId: $rowId}) {
    organizationMembership {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteOrganizationMembershipMutation, DeleteOrganizationMembershipMutationVariables>;
export const DeleteOrganizationMembershipByIdDocument = new TypedDocumentString(`
    mutation DeleteOrganizationMembershipById($id: ID!) {
  deleteOrganizationMembershipById(input: {id: $id}) {
    organizationMembership {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteOrganizationMembershipByIdMutation, DeleteOrganizationMembershipByIdMutationVariables>;
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
    `) as unknown as TypedDocumentString<OrganizationMembershipByOrganizationIdAndUserIdQuery, OrganizationMembershipByOrganizationIdAndUserIdQueryVariables>;
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
    `) as unknown as TypedDocumentString<DeleteOrganizationMembershipByOrganizationIdAndUserIdMutation, DeleteOrganizationMembershipByOrganizationIdAndUserIdMutationVariables>;
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
    `) as unknown as TypedDocumentString<CreateOrganizationMutation, CreateOrganizationMutationVariables>;
export const OrganizationsDocument = new TypedDocumentString(`
    query Organizations {
  organizations {
    nodes {
      id
      rowId
      name
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationsQuery, OrganizationsQueryVariables>;
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
    `) as unknown as TypedDocumentString<PermissionsQuery, PermissionsQueryVariables>;
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
    `) as unknown as TypedDocumentString<RolesQuery, RolesQueryVariables>;
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
    `) as unknown as TypedDocumentString<RoleQuery, RoleQueryVariables>;
export const RoleByIdDocument = new TypedDocumentString(`
    query RoleById($id: ID!) {
  roleById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `) as unknown as TypedDocumentString<RoleByIdQuery, RoleByIdQueryVariables>;
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
    `) as unknown as TypedDocumentString<CreateRoleMutation, CreateRoleMutationVariables>;
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
    `) as unknown as TypedDocumentString<UpdateRoleMutation, UpdateRoleMutationVariables>;
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
    `) as unknown as TypedDocumentString<UpdateRoleByIdMutation, UpdateRoleByIdMutationVariables>;
export const DeleteRoleDocument = new TypedDocumentString(`
    mutation DeleteRole($rowId: UUID!) {
  deleteRole(input: {rowId: $rowId}) {
    role {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteRoleMutation, DeleteRoleMutationVariables>;
export const DeleteRoleByIdDocument = new TypedDocumentString(`
    mutation DeleteRoleById($id: ID!) {
  deleteRoleById(input: {id: $id}) {
    role {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteRoleByIdMutation, DeleteRoleByIdMutationVariables>;
export const RoleByOrganizationIdAndNameDocument = new TypedDocumentString(`
    query RoleByOrganizationIdAndName($organizationId: UUID!, $name: String!) {
  roleByOrganizationIdAndName(organizationId: $organizationId, name: $name) {
    id
    rowId
    organizationId
  }
}
    `) as unknown as TypedDocumentString<RoleByOrganizationIdAndNameQuery, RoleByOrganizationIdAndNameQueryVariables>;
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
    `) as unknown as TypedDocumentString<UpdateRoleByOrganizationIdAndNameMutation, UpdateRoleByOrganizationIdAndNameMutationVariables>;
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
    `) as unknown as TypedDocumentString<DeleteRoleByOrganizationIdAndNameMutation, DeleteRoleByOrganizationIdAndNameMutationVariables>;
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
    `) as unknown as TypedDocumentString<TaskDependenciesQuery, TaskDependenciesQueryVariables>;
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
    `) as unknown as TypedDocumentString<TaskDependencyQuery, TaskDependencyQueryVariables>;
export const TaskDependencyByIdDocument = new TypedDocumentString(`
    query TaskDependencyById($id: ID!) {
  taskDependencyById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `) as unknown as TypedDocumentString<TaskDependencyByIdQuery, TaskDependencyByIdQueryVariables>;
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
    `) as unknown as TypedDocumentString<CreateTaskDependencyMutation, CreateTaskDependencyMutationVariables>;
export const UpdateTaskDependencyDocument = new TypedDocumentString(`
    mutation UpdateTaskDependency($rowId: UUID!, $patch: TaskDependencyPatch!) {
  updateTaskDependency(input: {rowId: $rowId, patch: $patch}) {
    taskDependency {
      rowId
      type
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateTaskDependencyMutation, UpdateTaskDependencyMutationVariables>;
export const UpdateTaskDependencyByIdDocument = new TypedDocumentString(`
    mutation UpdateTaskDependencyById($id: ID!, $patch: TaskDependencyPatch!) {
  updateTaskDependencyById(input: {id: $id, patch: $patch}) {
    taskDependency {
      rowId
      type
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateTaskDependencyByIdMutation, UpdateTaskDependencyByIdMutationVariables>;
export const DeleteTaskDependencyDocument = new TypedDocumentString(`
    mutation DeleteTaskDependency($rowId: UUID!) {
  deleteTaskDependency(input: {rowId: $rowId}) {
    taskDependency {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteTaskDependencyMutation, DeleteTaskDependencyMutationVariables>;
export const DeleteTaskDependencyByIdDocument = new TypedDocumentString(`
    mutation DeleteTaskDependencyById($id: ID!) {
  deleteTaskDependencyById(input: {id: $id}) {
    taskDependency {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteTaskDependencyByIdMutation, DeleteTaskDependencyByIdMutationVariables>;
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
    `) as unknown as TypedDocumentString<TaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdQuery, TaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdQueryVariables>;
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
    `) as unknown as TypedDocumentString<UpdateTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdMutation, UpdateTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdMutationVariables>;
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
    `) as unknown as TypedDocumentString<DeleteTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdMutation, DeleteTaskDependencyByOrganizationIdAndTaskIdAndDependsOnTaskIdMutationVariables>;
export const TaskByIdDocument = new TypedDocumentString(`
    query TaskById($id: ID!) {
  taskById(id: $id) {
    id
    rowId
    organizationId
    title
  }
}
    `) as unknown as TypedDocumentString<TaskByIdQuery, TaskByIdQueryVariables>;
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
    `) as unknown as TypedDocumentString<UpdateTaskByIdMutation, UpdateTaskByIdMutationVariables>;
export const DeleteTaskByIdDocument = new TypedDocumentString(`
    mutation DeleteTaskById($id: ID!) {
  deleteTaskById(input: {id: $id}) {
    task {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteTaskByIdMutation, DeleteTaskByIdMutationVariables>;
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
    `) as unknown as TypedDocumentString<TaskRelationsQuery, TaskRelationsQueryVariables>;
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
    `) as unknown as TypedDocumentString<CreateTaskMutation, CreateTaskMutationVariables>;
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
    `) as unknown as TypedDocumentString<TasksQuery, TasksQueryVariables>;
export const TaskDocument = new TypedDocumentString(`
    query Task($rowId: UUID!) {
  task(rowId: $rowId) {
    id
    rowId
    organizationId
    title
  }
}
    `) as unknown as TypedDocumentString<TaskQuery, TaskQueryVariables>;
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
    `) as unknown as TypedDocumentString<UpdateTaskMutation, UpdateTaskMutationVariables>;
export const DeleteTaskDocument = new TypedDocumentString(`
    mutation DeleteTask($rowId: UUID!) {
  deleteTask(input: {rowId: $rowId}) {
    task {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteTaskMutation, DeleteTaskMutationVariables>;
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
    `) as unknown as TypedDocumentString<TasksPageQuery, TasksPageQueryVariables>;
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
    `) as unknown as TypedDocumentString<TeamMembershipsQuery, TeamMembershipsQueryVariables>;
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
    `) as unknown as TypedDocumentString<TeamMembershipQuery, TeamMembershipQueryVariables>;
export const TeamMembershipByIdDocument = new TypedDocumentString(`
    query TeamMembershipById($id: ID!) {
  teamMembershipById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `) as unknown as TypedDocumentString<TeamMembershipByIdQuery, TeamMembershipByIdQueryVariables>;
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
    `) as unknown as TypedDocumentString<CreateTeamMembershipMutation, CreateTeamMembershipMutationVariables>;
export const DeleteTeamMembershipDocument = new TypedDocumentString(`
    mutation DeleteTeamMembership($rowId: UUID!) {
  deleteTeamMembership(input: {rowId: $rowId}) {
    teamMembership {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteTeamMembershipMutation, DeleteTeamMembershipMutationVariables>;
export const DeleteTeamMembershipByIdDocument = new TypedDocumentString(`
    mutation DeleteTeamMembershipById($id: ID!) {
  deleteTeamMembershipById(input: {id: $id}) {
    teamMembership {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteTeamMembershipByIdMutation, DeleteTeamMembershipByIdMutationVariables>;
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
    `) as unknown as TypedDocumentString<TeamMembershipByOrganizationIdAndTeamIdAndUserIdQuery, TeamMembershipByOrganizationIdAndTeamIdAndUserIdQueryVariables>;
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
    `) as unknown as TypedDocumentString<DeleteTeamMembershipByOrganizationIdAndTeamIdAndUserIdMutation, DeleteTeamMembershipByOrganizationIdAndTeamIdAndUserIdMutationVariables>;
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
    `) as unknown as TypedDocumentString<TeamsQuery, TeamsQueryVariables>;
export const TeamDocument = new TypedDocumentString(`
    query Team($rowId: UUID!) {
  team(rowId: $rowId) {
    id
    rowId
    organizationId
    name
  }
}
    `) as unknown as TypedDocumentString<TeamQuery, TeamQueryVariables>;
export const TeamByIdDocument = new TypedDocumentString(`
    query TeamById($id: ID!) {
  teamById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `) as unknown as TypedDocumentString<TeamByIdQuery, TeamByIdQueryVariables>;
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
    `) as unknown as TypedDocumentString<CreateTeamMutation, CreateTeamMutationVariables>;
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
    `) as unknown as TypedDocumentString<UpdateTeamMutation, UpdateTeamMutationVariables>;
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
    `) as unknown as TypedDocumentString<UpdateTeamByIdMutation, UpdateTeamByIdMutationVariables>;
export const DeleteTeamDocument = new TypedDocumentString(`
    mutation DeleteTeam($rowId: UUID!) {
  deleteTeam(input: {rowId: $rowId}) {
    team {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteTeamMutation, DeleteTeamMutationVariables>;
export const DeleteTeamByIdDocument = new TypedDocumentString(`
    mutation DeleteTeamById($id: ID!) {
  deleteTeamById(input: {id: $id}) {
    team {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteTeamByIdMutation, DeleteTeamByIdMutationVariables>;
export const TeamByOrganizationIdAndNameDocument = new TypedDocumentString(`
    query TeamByOrganizationIdAndName($organizationId: UUID!, $name: String!) {
  teamByOrganizationIdAndName(organizationId: $organizationId, name: $name) {
    id
    rowId
    organizationId
  }
}
    `) as unknown as TypedDocumentString<TeamByOrganizationIdAndNameQuery, TeamByOrganizationIdAndNameQueryVariables>;
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
    `) as unknown as TypedDocumentString<UpdateTeamByOrganizationIdAndNameMutation, UpdateTeamByOrganizationIdAndNameMutationVariables>;
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
    `) as unknown as TypedDocumentString<DeleteTeamByOrganizationIdAndNameMutation, DeleteTeamByOrganizationIdAndNameMutationVariables>;
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
    `) as unknown as TypedDocumentString<UserRolesQuery, UserRolesQueryVariables>;
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
    `) as unknown as TypedDocumentString<UserRoleQuery, UserRoleQueryVariables>;
export const UserRoleByIdDocument = new TypedDocumentString(`
    query UserRoleById($id: ID!) {
  userRoleById(id: $id) {
    id
    rowId
    organizationId
  }
}
    `) as unknown as TypedDocumentString<UserRoleByIdQuery, UserRoleByIdQueryVariables>;
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
    `) as unknown as TypedDocumentString<CreateUserRoleMutation, CreateUserRoleMutationVariables>;
export const DeleteUserRoleDocument = new TypedDocumentString(`
    mutation DeleteUserRole($rowId: UUID!) {
  deleteUserRole(input: {rowId: $rowId}) {
    userRole {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteUserRoleMutation, DeleteUserRoleMutationVariables>;
export const DeleteUserRoleByIdDocument = new TypedDocumentString(`
    mutation DeleteUserRoleById($id: ID!) {
  deleteUserRoleById(input: {id: $id}) {
    userRole {
      rowId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteUserRoleByIdMutation, DeleteUserRoleByIdMutationVariables>;
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
    `) as unknown as TypedDocumentString<UserRoleByOrganizationIdAndUserIdAndRoleIdQuery, UserRoleByOrganizationIdAndUserIdAndRoleIdQueryVariables>;
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
    `) as unknown as TypedDocumentString<DeleteUserRoleByOrganizationIdAndUserIdAndRoleIdMutation, DeleteUserRoleByOrganizationIdAndUserIdAndRoleIdMutationVariables>;
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
    `) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const UserDocument = new TypedDocumentString(`
    query User($rowId: UUID!) {
  user(rowId: $rowId) {
    id
    rowId
    name
    email
  }
}
    `) as unknown as TypedDocumentString<UserQuery, UserQueryVariables>;
export const UserByIdDocument = new TypedDocumentString(`
    query UserById($id: ID!) {
  userById(id: $id) {
    id
    rowId
    name
  }
}
    `) as unknown as TypedDocumentString<UserByIdQuery, UserByIdQueryVariables>;
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
    `) as unknown as TypedDocumentString<UserRelationsQuery, UserRelationsQueryVariables>;
export const UpdateUserDocument = new TypedDocumentString(`
    mutation UpdateUser($rowId: UUID!, $patch: UserPatch!) {
  updateUser(input: {rowId: $rowId, patch: $patch}) {
    user {
      rowId
      name
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateUserMutation, UpdateUserMutationVariables>;
export const UpdateUserByIdDocument = new TypedDocumentString(`
    mutation UpdateUserById($id: ID!, $patch: UserPatch!) {
  updateUserById(input: {id: $id, patch: $patch}) {
    user {
      rowId
      name
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateUserByIdMutation, UpdateUserByIdMutationVariables>;
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

export type PersonNameQueryVariables = Exact<{
  rowId: string;
}>;


export type PersonNameQuery = { user: { rowId: string, name: string } | null };

export type TeamNameQueryVariables = Exact<{
  rowId: string;
}>;


export type TeamNameQuery = { team: { rowId: string, name: string } | null };

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
    `, {"hash":"sha256:515173c44ca822ec042c180ec6abcf648882bae84792b96559be2d805566f88b"}) as unknown as TypedDocumentString<RenameCurrentUserMutation, RenameCurrentUserMutationVariables>;
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
    `, {"hash":"sha256:b60ac082b5c9c9d5d80a97c092a14c6aeb5e25fd944488eb16263235278c9009"}) as unknown as TypedDocumentString<ConsoleSecurityEventsQuery, ConsoleSecurityEventsQueryVariables>;
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
    `, {"hash":"sha256:56bfa991552b8052d8bf56d321bc0df6bc23aadf7a0d0bf53baa730754e5eb6c"}) as unknown as TypedDocumentString<AuditLogListQuery, AuditLogListQueryVariables>;
export const AuditChainStatusDocument = new TypedDocumentString(`
    query AuditChainStatus {
  verifyAuditChain {
    ok
    checked
    brokenSeq
    setAside
  }
}
    `, {"hash":"sha256:5da5e6cf7aecf6b59c753af092f70fa56c6e60f926657e18ad1d5769d89012c2"}) as unknown as TypedDocumentString<AuditChainStatusQuery, AuditChainStatusQueryVariables>;
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
    `, {"hash":"sha256:2ff69e7fbf311af70f54d12c5c679cb4ea9d0293fb73d02c0a623136354b5923"}) as unknown as TypedDocumentString<MemberListQuery, MemberListQueryVariables>;
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
    `, {"hash":"sha256:110d808410c65911f8d4bc9b2279f55f548f5c628cd3fb4f71bf4d75e6203d2d"}) as unknown as TypedDocumentString<MemberAccessQuery, MemberAccessQueryVariables>;
export const RemoveMemberDocument = new TypedDocumentString(`
    mutation RemoveMember($rowId: UUID!) {
  deleteOrganizationMembership(input: {rowId: $rowId}) {
    organizationMembership {
      rowId
    }
  }
}
    `, {"hash":"sha256:eb5593b984944ea05b67b1e7e0befaefbad1d53469e5ab4bea7b83ffbee4beb8"}) as unknown as TypedDocumentString<RemoveMemberMutation, RemoveMemberMutationVariables>;
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
    `, {"hash":"sha256:8a17b6db9cdcc026a69750ac181f14fec3823b6ba788775dbb7ebaa5c62d5a86"}) as unknown as TypedDocumentString<InvitationListQuery, InvitationListQueryVariables>;
export const SendInvitationDocument = new TypedDocumentString(`
    mutation SendInvitation($email: String!, $roleId: UUID!) {
  inviteToOrganization(input: {email: $email, roleId: $roleId}) {
    result {
      rowId
      email
    }
  }
}
    `, {"hash":"sha256:9fc4d7498c68e4d63f9935fbf4033567de9ccbf5116a53822b1b49ec3c9be65d"}) as unknown as TypedDocumentString<SendInvitationMutation, SendInvitationMutationVariables>;
export const RevokeInvitationDocument = new TypedDocumentString(`
    mutation RevokeInvitation($rowId: UUID!) {
  deleteInvitation(input: {rowId: $rowId}) {
    invitation {
      rowId
    }
  }
}
    `, {"hash":"sha256:9b513e1d4c0a885ed70d57e7702bb5c6faee15cba9fb2269ef60fc9ee8f521b4"}) as unknown as TypedDocumentString<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
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
    `, {"hash":"sha256:19834dfdd0afd7b1f987b12feb4ebe220c82ca2dc7ceceadb877a6c07f968b8f"}) as unknown as TypedDocumentString<ConsoleSessionQuery, ConsoleSessionQueryVariables>;
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
    `, {"hash":"sha256:eefa570baf4cc4bbc1cc0d95065ccca236f7bf0723494c9ce638bd58b93ee6cd"}) as unknown as TypedDocumentString<CreateConsoleOrganizationMutation, CreateConsoleOrganizationMutationVariables>;
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
    `, {"hash":"sha256:c3ac9f842751a8670e24fbc51f01fd94cc025fb66bead187f67350acae76ce3d"}) as unknown as TypedDocumentString<AcceptInvitationLinkMutation, AcceptInvitationLinkMutationVariables>;
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
    `, {"hash":"sha256:0ffbb55244cd93daccb8c5449a09184358b196235c682fdb5ce900b90d429717"}) as unknown as TypedDocumentString<InvitationPreviewQuery, InvitationPreviewQueryVariables>;
export const TaskListChangedDocument = new TypedDocumentString(`
    subscription TaskListChanged {
  taskChanged {
    event
    rowId
  }
}
    `, {"hash":"sha256:47db0c0bc8f698305f3c0e29276aad81013c4acc0c843eecec043e0b6cbe1d99"}) as unknown as TypedDocumentString<TaskListChangedSubscription, TaskListChangedSubscriptionVariables>;
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
    `, {"hash":"sha256:877ad9d577ab251692a4be6a8ccac5ca446757ef725b169ce6571889fc3b7e5f"}) as unknown as TypedDocumentString<RoleListQuery, RoleListQueryVariables>;
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
    `, {"hash":"sha256:670dc0cf7d8d4fc2b0da9d1b1f3d0700e484eeddcfb1c0dc8c2140338631e510"}) as unknown as TypedDocumentString<CreateRoleRowMutation, CreateRoleRowMutationVariables>;
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
    `, {"hash":"sha256:34c76295ff12ef5a513840177fb15b3bfcdb2f9f06268faa8d6b40641a81eb73"}) as unknown as TypedDocumentString<UpdateRoleRowMutation, UpdateRoleRowMutationVariables>;
export const DeleteRoleRowDocument = new TypedDocumentString(`
    mutation DeleteRoleRow($rowId: UUID!) {
  deleteRole(input: {rowId: $rowId}) {
    role {
      rowId
    }
  }
}
    `, {"hash":"sha256:27c01d5a4ae0b026771702aa6257f745cb8027c310e464178eb8c155d927a62d"}) as unknown as TypedDocumentString<DeleteRoleRowMutation, DeleteRoleRowMutationVariables>;
export const AssignRoleDocument = new TypedDocumentString(`
    mutation AssignRole($userId: UUID!, $roleId: UUID!) {
  createUserRole(input: {userRole: {userId: $userId, roleId: $roleId}}) {
    userRole {
      rowId
    }
  }
}
    `, {"hash":"sha256:19ac6d320662719d701b0906623a74662f5fed9d6a4b2970a601d0426c586eef"}) as unknown as TypedDocumentString<AssignRoleMutation, AssignRoleMutationVariables>;
export const UnassignRoleDocument = new TypedDocumentString(`
    mutation UnassignRole($rowId: UUID!) {
  deleteUserRole(input: {rowId: $rowId}) {
    userRole {
      rowId
    }
  }
}
    `, {"hash":"sha256:37bcc6822ca474019d9321057f651f8cbf79cb3e0d4a44b1faed99ae2cce7034"}) as unknown as TypedDocumentString<UnassignRoleMutation, UnassignRoleMutationVariables>;
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
}`, {"hash":"sha256:68f3ddc53810c9bc7164bd5ba07e1abd1ddf7ec3841a7fe9c24b9f1f1a80f846"}) as unknown as TypedDocumentString<TaskPageQuery, TaskPageQueryVariables>;
export const TaskLinkChoicesDocument = new TypedDocumentString(`
    query TaskLinkChoices($filter: TaskFilter) {
  tasks(first: 50, orderBy: [TITLE_ASC], filter: $filter) {
    nodes {
      rowId
      title
    }
  }
}
    `, {"hash":"sha256:d5f2597894fca96d6064eb4c808a054ffefd44e8b832b25f1ad92de2c12f3d0e"}) as unknown as TypedDocumentString<TaskLinkChoicesQuery, TaskLinkChoicesQueryVariables>;
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
}`, {"hash":"sha256:57121b3793c21f91fbaade773a769621ad6e8544e2b3062795c2c51e28c86fda"}) as unknown as TypedDocumentString<UpdateTaskDetailMutation, UpdateTaskDetailMutationVariables>;
export const AddTaskLinkDocument = new TypedDocumentString(`
    mutation AddTaskLink($taskDependency: TaskDependencyInput!) {
  createTaskDependency(input: {taskDependency: $taskDependency}) {
    taskDependency {
      rowId
    }
  }
}
    `, {"hash":"sha256:07f7ee51a3b46e487060f280662695c3938ce1376c9554f5ee32a456e389ef0b"}) as unknown as TypedDocumentString<AddTaskLinkMutation, AddTaskLinkMutationVariables>;
export const RemoveTaskLinkDocument = new TypedDocumentString(`
    mutation RemoveTaskLink($rowId: UUID!) {
  deleteTaskDependency(input: {rowId: $rowId}) {
    taskDependency {
      rowId
    }
  }
}
    `, {"hash":"sha256:42f09e788b73a124aaa799b78da7ce057c5087e7a575a901b1ce90c39762078f"}) as unknown as TypedDocumentString<RemoveTaskLinkMutation, RemoveTaskLinkMutationVariables>;
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
}`, {"hash":"sha256:e66e2679105d9f8e4631bda0bf244e2a18b4d8795325bf3edf4fa904e25d6557"}) as unknown as TypedDocumentString<TaskListQuery, TaskListQueryVariables>;
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
}`, {"hash":"sha256:af276a2cefb367b4edc23d45719d6d690453dc0503ca33dbe57cbb308b2e67cc"}) as unknown as TypedDocumentString<CreateTaskRowMutation, CreateTaskRowMutationVariables>;
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
}`, {"hash":"sha256:cd29be6bfe22379a5d40d05fe2abf95e4900953c4593738ece9796caad59149c"}) as unknown as TypedDocumentString<UpdateTaskRowMutation, UpdateTaskRowMutationVariables>;
export const DeleteTaskRowDocument = new TypedDocumentString(`
    mutation DeleteTaskRow($rowId: UUID!) {
  deleteTask(input: {rowId: $rowId}) {
    task {
      rowId
    }
  }
}
    `, {"hash":"sha256:ac6bce401d440a39ba5e046d5c9f113585a68e2e5efac8cc6a3063168ef5c3db"}) as unknown as TypedDocumentString<DeleteTaskRowMutation, DeleteTaskRowMutationVariables>;
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
    `, {"hash":"sha256:0b38e698ab94f04ea8af76131e5ec42ddb32993119d53e8cbed730261bd44da6"}) as unknown as TypedDocumentString<TaskChoicesQuery, TaskChoicesQueryVariables>;
export const PersonNameDocument = new TypedDocumentString(`
    query PersonName($rowId: UUID!) {
  user(rowId: $rowId) {
    rowId
    name
  }
}
    `, {"hash":"sha256:cc2f66da741c24d500b3112913b005360acf389ae2ba95111b44605acafca948"}) as unknown as TypedDocumentString<PersonNameQuery, PersonNameQueryVariables>;
export const TeamNameDocument = new TypedDocumentString(`
    query TeamName($rowId: UUID!) {
  team(rowId: $rowId) {
    rowId
    name
  }
}
    `, {"hash":"sha256:4062850c7a70ca38c3c5d5e9c328371436b9d410c1e9a31d29cc6bd9ef032e44"}) as unknown as TypedDocumentString<TeamNameQuery, TeamNameQueryVariables>;
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
    `, {"hash":"sha256:bd17ebfe3926d52dcb46308388b1ca684c75bddf8a88512cca28468de1576428"}) as unknown as TypedDocumentString<TeamListQuery, TeamListQueryVariables>;
export const CreateTeamRowDocument = new TypedDocumentString(`
    mutation CreateTeamRow($team: TeamInput!) {
  createTeam(input: {team: $team}) {
    team {
      rowId
      name
    }
  }
}
    `, {"hash":"sha256:f3f22122b49cab6b86a1101fa7f70ef5ea4fa6d66ea03a590161f143454c8487"}) as unknown as TypedDocumentString<CreateTeamRowMutation, CreateTeamRowMutationVariables>;
export const DeleteTeamRowDocument = new TypedDocumentString(`
    mutation DeleteTeamRow($rowId: UUID!) {
  deleteTeam(input: {rowId: $rowId}) {
    team {
      rowId
    }
  }
}
    `, {"hash":"sha256:5df302af3529615a89e4ed9c8d834ab92b39abeaebe9a05372f61bd256f7b5dd"}) as unknown as TypedDocumentString<DeleteTeamRowMutation, DeleteTeamRowMutationVariables>;
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
    `, {"hash":"sha256:0b6847b7d6e4acee3c702014f0d3e8f7bb7339f0c12596c8fdfc655d98afa0d6"}) as unknown as TypedDocumentString<AddTeamMemberMutation, AddTeamMemberMutationVariables>;
export const RemoveTeamMemberDocument = new TypedDocumentString(`
    mutation RemoveTeamMember($rowId: UUID!) {
  deleteTeamMembership(input: {rowId: $rowId}) {
    teamMembership {
      rowId
    }
  }
}
    `, {"hash":"sha256:17fc5e6d90141cb01dd2164a8fd6cdae4e9a24b40ecbe66796c99598b2bd8dc8"}) as unknown as TypedDocumentString<RemoveTeamMemberMutation, RemoveTeamMemberMutationVariables>;
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
    `, {"hash":"sha256:dc6425f5fcdec61ad30067122ba92cd17193312a1e37ab3970c2bc4df131edee"}) as unknown as TypedDocumentString<TaskChangedSubscription, TaskChangedSubscriptionVariables>;
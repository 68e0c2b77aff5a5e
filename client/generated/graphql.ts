/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type CurrentUserQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentUserQuery = { currentUserPermissions: Array<string> | null, currentUser: { rowId: string, email: string, name: string } | null };

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
    | { __typename: 'Task', id: string }
    | { __typename: 'TaskDependency', id: string }
    | { __typename: 'TaskHistory', id: string }
    | { __typename: 'Team', id: string }
    | { __typename: 'TeamMembership', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'UserRole', id: string }
   | null };

export type CreateOrganizationMutationVariables = Exact<{
  name: string;
  slug: string;
}>;


export type CreateOrganizationMutation = { createOrganization: { organization: { id: string, rowId: string, name: string, slug: string } | null } | null };

export type OrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationsQuery = { organizations: { nodes: Array<{ id: string, rowId: string, name: string, slug: string } | null> } | null };

export type CreateTaskMutationVariables = Exact<{
  task: TaskInput;
}>;


export type CreateTaskMutation = { createTask: { task: { id: string, rowId: string, organizationId: string, title: string, status: TaskStatus, priority: TaskPriority, createdById: string | null } | null } | null };

export type TasksQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type TasksQuery = { tasks: { totalCount: number, nodes: Array<{ id: string, rowId: string, organizationId: string, title: string, status: TaskStatus } | null> } | null };

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
export const NodeDocument = new TypedDocumentString(`
    query Node($id: ID!) {
  node(id: $id) {
    id
    __typename
  }
}
    `, {"hash":"sha256:674a4e60b765ab762155deb5480b435445a7ecf217bd9a818ee68fa139bfb45a"}) as unknown as TypedDocumentString<NodeQuery, NodeQueryVariables>;
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
    `, {"hash":"sha256:3208d55299ea496b99e92d2436674e150eebe85879ec9d6a5efa8dee63874b3b"}) as unknown as TypedDocumentString<OrganizationsQuery, OrganizationsQueryVariables>;
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
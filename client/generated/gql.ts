/* eslint-disable */
import * as types from './graphql.ts';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CurrentUser {\n  currentUser {\n    rowId\n    email\n    name\n  }\n  currentUserPermissions\n}": typeof types.CurrentUserDocument,
    "query Node($id: ID!) {\n  node(id: $id) {\n    id\n    __typename\n  }\n}": typeof types.NodeDocument,
    "mutation CreateOrganization($name: String!, $slug: String!) {\n  createOrganization(input: {organization: {name: $name, slug: $slug}}) {\n    organization {\n      id\n      rowId\n      name\n      slug\n    }\n  }\n}\n\nquery Organizations {\n  organizations {\n    nodes {\n      id\n      rowId\n      name\n      slug\n    }\n  }\n}": typeof types.CreateOrganizationDocument,
    "mutation CreateTask($task: TaskInput!) {\n  createTask(input: {task: $task}) {\n    task {\n      id\n      rowId\n      organizationId\n      title\n      status\n      priority\n      createdById\n    }\n  }\n}\n\nquery Tasks($first: Int) {\n  tasks(first: $first, orderBy: [CREATED_AT_ASC]) {\n    totalCount\n    nodes {\n      id\n      rowId\n      organizationId\n      title\n      status\n    }\n  }\n}\n\nquery Task($rowId: UUID!) {\n  task(rowId: $rowId) {\n    id\n    rowId\n    organizationId\n    title\n  }\n}\n\nmutation UpdateTask($rowId: UUID!, $patch: TaskPatch!) {\n  updateTask(input: {rowId: $rowId, patch: $patch}) {\n    task {\n      rowId\n      title\n      status\n      completedAt\n    }\n  }\n}\n\nmutation DeleteTask($rowId: UUID!) {\n  deleteTask(input: {rowId: $rowId}) {\n    task {\n      rowId\n    }\n  }\n}": typeof types.CreateTaskDocument,
};
const documents: Documents = {
    "query CurrentUser {\n  currentUser {\n    rowId\n    email\n    name\n  }\n  currentUserPermissions\n}": types.CurrentUserDocument,
    "query Node($id: ID!) {\n  node(id: $id) {\n    id\n    __typename\n  }\n}": types.NodeDocument,
    "mutation CreateOrganization($name: String!, $slug: String!) {\n  createOrganization(input: {organization: {name: $name, slug: $slug}}) {\n    organization {\n      id\n      rowId\n      name\n      slug\n    }\n  }\n}\n\nquery Organizations {\n  organizations {\n    nodes {\n      id\n      rowId\n      name\n      slug\n    }\n  }\n}": types.CreateOrganizationDocument,
    "mutation CreateTask($task: TaskInput!) {\n  createTask(input: {task: $task}) {\n    task {\n      id\n      rowId\n      organizationId\n      title\n      status\n      priority\n      createdById\n    }\n  }\n}\n\nquery Tasks($first: Int) {\n  tasks(first: $first, orderBy: [CREATED_AT_ASC]) {\n    totalCount\n    nodes {\n      id\n      rowId\n      organizationId\n      title\n      status\n    }\n  }\n}\n\nquery Task($rowId: UUID!) {\n  task(rowId: $rowId) {\n    id\n    rowId\n    organizationId\n    title\n  }\n}\n\nmutation UpdateTask($rowId: UUID!, $patch: TaskPatch!) {\n  updateTask(input: {rowId: $rowId, patch: $patch}) {\n    task {\n      rowId\n      title\n      status\n      completedAt\n    }\n  }\n}\n\nmutation DeleteTask($rowId: UUID!) {\n  deleteTask(input: {rowId: $rowId}) {\n    task {\n      rowId\n    }\n  }\n}": types.CreateTaskDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CurrentUser {\n  currentUser {\n    rowId\n    email\n    name\n  }\n  currentUserPermissions\n}"): typeof import('./graphql.ts').CurrentUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Node($id: ID!) {\n  node(id: $id) {\n    id\n    __typename\n  }\n}"): typeof import('./graphql.ts').NodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateOrganization($name: String!, $slug: String!) {\n  createOrganization(input: {organization: {name: $name, slug: $slug}}) {\n    organization {\n      id\n      rowId\n      name\n      slug\n    }\n  }\n}\n\nquery Organizations {\n  organizations {\n    nodes {\n      id\n      rowId\n      name\n      slug\n    }\n  }\n}"): typeof import('./graphql.ts').CreateOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateTask($task: TaskInput!) {\n  createTask(input: {task: $task}) {\n    task {\n      id\n      rowId\n      organizationId\n      title\n      status\n      priority\n      createdById\n    }\n  }\n}\n\nquery Tasks($first: Int) {\n  tasks(first: $first, orderBy: [CREATED_AT_ASC]) {\n    totalCount\n    nodes {\n      id\n      rowId\n      organizationId\n      title\n      status\n    }\n  }\n}\n\nquery Task($rowId: UUID!) {\n  task(rowId: $rowId) {\n    id\n    rowId\n    organizationId\n    title\n  }\n}\n\nmutation UpdateTask($rowId: UUID!, $patch: TaskPatch!) {\n  updateTask(input: {rowId: $rowId, patch: $patch}) {\n    task {\n      rowId\n      title\n      status\n      completedAt\n    }\n  }\n}\n\nmutation DeleteTask($rowId: UUID!) {\n  deleteTask(input: {rowId: $rowId}) {\n    task {\n      rowId\n    }\n  }\n}"): typeof import('./graphql.ts').CreateTaskDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

// The committed schema.graphql (codegen's input, and what reviewers read) is exactly the schema the server
// serves on a freshly migrated database, and migrations/SCHEMA.md exactly that database's schema; the
// contract's names are in the GraphQL schema, the helpers are not.
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { buildSchema, isEnumType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'postgraphile/graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../db/migrate.ts';
import { printSchemaSnapshot, SNAPSHOT_FILE } from '../../db/schema-snapshot.ts';
import { printServedSchema, SCHEMA_FILE } from '../../server/graphql/export-schema.ts';
import { createTestDatabase, roleUrlsFor, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;
let pool: pg.Pool;
let served: string;
let schema: GraphQLSchema;

beforeAll(async () => {
  db = await createTestDatabase();
  // As the server connects: the authenticator role on this test database.
  const { authenticatorUrl } = roleUrlsFor(db);
  pool = new pg.Pool({ connectionString: authenticatorUrl, max: 2 });
  served = await printServedSchema(pool);
  schema = buildSchema(served);
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

test('schema.graphql is the schema the server serves', async () => {
  const committed = await fs.readFile(SCHEMA_FILE, 'utf8');
  expect(
    committed === served,
    'schema.graphql differs from the schema the server serves on a freshly migrated database: run `npm run schema` (then `npm run codegen`) and commit the result',
  ).toBe(true);
});

test('migrations/SCHEMA.md is the schema the committed migrations make', async () => {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const current = await printSchemaSnapshot(client, path.join(PROJECT_ROOT, 'migrations'));
    const committed = await fs.readFile(path.join(PROJECT_ROOT, SNAPSHOT_FILE), 'utf8');
    expect(committed === current, `${SNAPSHOT_FILE} is stale: run \`npm run schema\` and commit the result`).toBe(true);
  } finally {
    await client.end();
  }
});

function field(type: string, name: string): GraphQLField<unknown, unknown> {
  const object = schema.getType(type);
  if (!isObjectType(object)) throw new Error(`type ${type} is missing from the schema`);
  const found = object.getFields()[name];
  if (!found) throw new Error(`${type}.${name} is missing from the schema`);
  return found;
}

function fieldsOf(type: GraphQLObjectType | null | undefined): string[] {
  return type ? Object.keys(type.getFields()) : [];
}

describe('contract names (../shared/API.md §3)', () => {
  test('queries', () => {
    expect(String(field('Query', 'currentUser').type)).toBe('User');
    for (const name of ['rowId', 'email', 'name']) expect(field('User', name)).toBeDefined();
    expect(String(field('Query', 'currentUserPermissions').type)).toBe('[String!]');
    expect(String(field('Query', 'tasks').type)).toBe('TaskConnection');
    expect(field('Query', 'tasks').args.map((a) => a.name)).toEqual(expect.arrayContaining(['first', 'last', 'after', 'before', 'offset', 'orderBy', 'condition']));
    const task = field('Query', 'task');
    expect(String(task.type)).toBe('Task');
    expect(task.args.map((a) => [a.name, String(a.type)])).toEqual([['rowId', 'UUID!']]);
    const node = field('Query', 'node');
    expect(String(node.type)).toBe('Node');
    expect(node.args.map((a) => [a.name, String(a.type)])).toEqual([['id', 'ID!']]);
    for (const name of ['users', 'user', 'organizations', 'organization', 'organizationMemberships', 'teams', 'teamMemberships', 'roles', 'userRoles', 'taskDependencies']) {
      expect(field('Query', name), name).toBeDefined();
    }
    expect(String(field('Query', 'taskHistories').type)).toBe('TaskHistoryConnection');
    expect(String(field('Query', 'auditLogs').type)).toBe('AuditLogConnection');
  });

  test('mutations', () => {
    const createOrganization = field('Mutation', 'createOrganization');
    expect(createOrganization.args.map((a) => [a.name, String(a.type)])).toEqual([['input', 'CreateOrganizationInput!']]);
    for (const name of ['createTask', 'updateTask', 'deleteTask', 'updateOrganization', 'deleteOrganization', 'createUserRole']) {
      expect(field('Mutation', name), name).toBeDefined();
    }
    expect(field('Mutation', 'updateTask').args.map((a) => String(a.type))).toEqual(['UpdateTaskInput!']);
  });

  test('the Node interface stays: id is the global ID, rowId the UUID', () => {
    expect(String(field('Task', 'id').type)).toBe('ID!');
    expect(String(field('Task', 'rowId').type)).toBe('UUID!');
    expect((schema.getType('Task') as GraphQLObjectType).getInterfaces().map(String)).toContain('Node');
  });

  test('Role.permissions is [String!]!', () => {
    expect(String(field('Role', 'permissions').type)).toBe('[String!]!');
  });

  test('task fields, TaskStatus and TaskPriority with the contract values and defaults', () => {
    const taskFields = fieldsOf(schema.getType('Task') as GraphQLObjectType);
    for (const name of ['title', 'description', 'status', 'priority', 'assigneeId', 'teamId', 'metadata', 'createdById', 'createdAt', 'updatedAt', 'completedAt']) {
      expect(taskFields, name).toContain(name);
    }
    expect(String(field('Task', 'status').type)).toBe('TaskStatus!');
    expect(String(field('Task', 'priority').type)).toBe('TaskPriority!');
    const status = schema.getType('TaskStatus');
    const priority = schema.getType('TaskPriority');
    if (!isEnumType(status) || !isEnumType(priority)) throw new Error('TaskStatus and TaskPriority must be enums');
    expect(status.getValues().map((v) => v.name).sort()).toEqual(['CANCELLED', 'COMPLETED', 'FAILED', 'IN_PROGRESS', 'PENDING']);
    expect(priority.getValues().map((v) => v.name).sort()).toEqual(['CRITICAL', 'HIGH', 'LOW', 'MEDIUM']);
  });

  test('history and audit logs cannot be written through the API', () => {
    const mutations = fieldsOf(schema.getMutationType());
    expect(mutations.filter((name) => /TaskHistor|AuditLog/.test(name))).toEqual([]);
  });
});

describe('what must not be exposed', () => {
  test('the permission and identity helpers are not fields anywhere', () => {
    const helpers = ['userHasPermission', 'currentUserId', 'currentOrganizationId', 'currentUserHasPermission', 'currentUserOrganizationIds', 'currentUserVisibleUserIds'];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type)) continue;
      for (const name of helpers) expect(Object.keys(type.getFields()), `${type.name}.${name}`).not.toContain(name);
    }
  });

  test('the server-only functions (app_auth) and secret tables are not exposed', () => {
    const exposed = [...fieldsOf(schema.getQueryType()), ...fieldsOf(schema.getMutationType())];
    for (const name of ['register', 'credentials', 'createSession', 'rotateRefreshToken', 'sessionIsActive', 'logout', 'externalSession', 'migrationHead']) {
      expect(exposed, name).not.toContain(name);
    }
    expect(exposed.filter((name) => /session|secret|password|refreshToken|migration/i.test(name))).toEqual([]);
    const userFields = fieldsOf(schema.getType('User') as GraphQLObjectType);
    expect(userFields.filter((name) => /password|hash|secret/i.test(name))).toEqual([]);
  });
});

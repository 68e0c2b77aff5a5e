// A bounded fuzzer over the whole schema: every argument of every root field (queries and mutations), each
// input leaf replaced in turn by values of the wrong type, out of range, malformed or unstorable, sent as
// variables and written inline, filters nested and widened to cost the planner, plus whole documents that
// break the rules of pagination or operations.
// Whatever a client sends, the answer is theirs to fix: never a 5xx, never INTERNAL_ERROR, every error
// with a code. Deterministic (no randomness), so a failure names a case that fails again.
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createOrganization } from '../support/organizations.ts';
import { http, startTestServer, type TestServer } from '../support/server.ts';

const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));

/** A JSON document nested `depth` levels deep, as text (JSON.stringify itself would overflow). */
const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const DEEP = Symbol('deep JSON');

const BAD_SCALARS: Record<string, unknown[]> = {
  String: [123, true, {}, 'nul \u0000 byte', 'lone \ud800 surrogate', 'x'.repeat(20_000)],
  Int: ['1', 1.5, 2 ** 31, -(2 ** 31) - 1, -1, 9_999_999_999],
  Float: ['x', true],
  Boolean: ['yes', 0],
  ID: [123, 'not-a-node-id', Buffer.from('["Task","zz"]').toString('base64'), Buffer.from('{"x":').toString('base64')],
  UUID: ['zz', '', '{00000000-0000-0000-0000-000000000000}', 42],
  Datetime: ['not a date', '2026-13-45T99:00:00Z', '99999-01-01T00:00:00Z', 12],
  BigInt: ['99999999999999999999999', 'abc', '1.5', 1.5],
  Cursor: ['zzz', Buffer.from('["natural",-1]').toString('base64'), Buffer.from('garbage').toString('base64'), 7],
  InternetAddress: ['999.1.1.1', 'not an ip'],
  JSON: [{ nul: '\u0000' }, 'nul \u0000', DEEP, [1, [2, [3]]]],
};

function baseScalar(name: string): unknown {
  switch (name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'UUID':
      return '00000000-0000-4000-8000-000000000001';
    case 'Datetime':
      return '2026-01-01T00:00:00Z';
    case 'BigInt':
      return '1';
    case 'JSON':
      return {};
    case 'InternetAddress':
      return '127.0.0.1';
    default:
      return 'fuzz';
  }
}

/** A value the type accepts: required input fields filled, optional ones left out. */
function baseValue(type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [baseValue(nullable.ofType)];
  if (isEnumType(nullable)) return nullable.getValues()[0].name;
  if (isScalarType(nullable)) return baseScalar(nullable.name);
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(fields.map((f) => [f.name, baseValue(f.type)]));
  }
  throw new Error(`no base value for ${String(type)}`);
}

/** Every wrong value for a position of this type (each replaces the base value there). */
function badValues(type: GraphQLInputType): unknown[] {
  const nullable = getNullableType(type);
  const values: unknown[] = isNonNullType(type) ? [null] : [];
  if (isListType(nullable)) return [...values, [null], 'not a list', [{ unexpected: 'object' }]];
  if (isEnumType(nullable)) return [...values, 'NOPE', nullable.getValues()[0].name.toLowerCase(), 1];
  if (isScalarType(nullable)) return [...values, ...(BAD_SCALARS[nullable.name] ?? [123, {}])];
  if (isInputObjectType(nullable)) {
    const base = baseValue(nullable) as Record<string, unknown>;
    const required = Object.keys(base);
    return [
      ...values,
      { ...base, notAField: 1 },
      ...required.slice(0, 1).map((name) => Object.fromEntries(Object.entries(base).filter(([key]) => key !== name))),
      'not an object',
    ];
  }
  return values;
}

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Raw JSON body (for values JSON.stringify cannot write). */
  raw?: string;
  /** The code the answer must carry, where the case is over a limit. */
  expect?: string;
}

/** The selection to ask for a field's result: `__typename` of objects, nothing of leaves. */
const selection = (field: GraphQLField<unknown, unknown>) => (isLeafType(getNamedType(field.type)) ? '' : ' { __typename }');

/** A GraphQL literal for a JS value, enum names unquoted where the type expects an enum. */
function literal(value: unknown, type: GraphQLInputType | undefined): string {
  const nullable = type && getNullableType(type);
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, nullable && isListType(nullable) ? nullable.ofType : undefined)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = nullable && isInputObjectType(nullable) ? nullable.getFields() : {};
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${literal(v, fields[k]?.type)}`).join(', ')}}`;
  }
  if (typeof value === 'string' && nullable && isEnumType(nullable) && /^[_A-Za-z]\w*$/.test(value)) return value;
  return JSON.stringify(value);
}

/** Paths to every position in a base value, with the type expected there. */
function positions(type: GraphQLInputType, value: unknown, path: (string | number)[] = []): { path: (string | number)[]; type: GraphQLInputType }[] {
  const found = [{ path, type }];
  const nullable = getNullableType(type);
  if (isListType(nullable) && Array.isArray(value)) value.forEach((item, i) => found.push(...positions(nullable.ofType, item, [...path, i])));
  if (isInputObjectType(nullable) && value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) found.push(...positions(nullable.getFields()[key].type, item, [...path, key]));
  }
  return found;
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (!path.length) return by;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[head] = replaced(copy[head], rest, by);
  return copy;
}

function fieldCases(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): Case[] {
  const args = field.args as GraphQLArgument[];
  if (!args.length) return [];
  const base = Object.fromEntries(args.map((arg) => [arg.name, baseValue(arg.type)]));
  const definitions = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const withVariables = `${operation} Fuzz(${definitions}) { ${field.name}(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})${selection(field)} }`;
  const cases: Case[] = [];
  for (const arg of args) {
    for (const { path, type } of positions(arg.type, base[arg.name])) {
      for (const bad of badValues(type)) {
        const where = [field.name, arg.name, ...path].join('.');
        if (bad === DEEP) {
          const body = JSON.stringify({ query: withVariables, variables: { ...base, [arg.name]: replaced(base[arg.name], path, '__DEEP__') } });
          cases.push({ name: `${where} = deep JSON (variable)`, query: withVariables, raw: body.replace('"__DEEP__"', deepJson(5000)) });
          continue;
        }
        const value = replaced(base[arg.name], path, bad);
        const label = JSON.stringify(bad)?.slice(0, 40);
        cases.push({ name: `${where} = ${label} (variable)`, query: withVariables, variables: { ...base, [arg.name]: value } });
        const inline = args.map((a) => `${a.name}: ${literal(a.name === arg.name ? value : base[a.name], a.type)}`).join(', ');
        cases.push({ name: `${where} = ${label} (inline)`, query: `${operation} FuzzInline { ${field.name}(${inline})${selection(field)} }` });
      }
    }
  }
  return cases;
}

/**
 * Filters shaped to cost the planner: nested not/and/or (bare, and with a sibling condition per level),
 * long flat lists, long `in` lists, long orderBy lists; as variables and written inline.
 */
function filterCases(field: GraphQLField<unknown, unknown>): Case[] {
  const filterArg = field.args.find((arg) => arg.name === 'filter');
  const filterType = filterArg && getNullableType(filterArg.type);
  if (!filterType || !isInputObjectType(filterType) || !('not' in filterType.getFields())) return [];
  // A column with an equalTo operator, and its base value (filters always offer one).
  const [column, columnFilter] = Object.entries(filterType.getFields()).find(([name]) => !['and', 'or', 'not'].includes(name))!;
  const leafType = getNullableType(columnFilter.type);
  const operand = isInputObjectType(leafType) ? baseValue(leafType.getFields().equalTo.type) : 'x';
  const leaf = { [column]: { equalTo: operand } };
  const nest = (levels: number, wrap: (inner: object) => object) => {
    let filter: object = leaf;
    for (let i = 0; i < levels; i += 1) filter = wrap(filter);
    return filter;
  };
  const filters: Record<string, object> = {
    'not x300': nest(300, (inner) => ({ not: inner })),
    'not x300 with siblings': nest(300, (inner) => ({ not: inner, ...leaf })),
    'and x200': nest(200, (inner) => ({ and: [inner] })),
    'or x100 with siblings': nest(100, (inner) => ({ or: [inner, leaf] })),
    'flat and of 1000': { and: Array(1000).fill(leaf) },
    'in list of 1000': { [column]: { in: Array(1000).fill(operand) } },
  };
  const orderBy = field.args.find((arg) => arg.name === 'orderBy');
  const cases: Case[] = [];
  for (const [label, filter] of Object.entries(filters)) {
    const name = `${field.name}.filter ${label}`;
    const expect = 'QUERY_TOO_COMPLEX';
    cases.push({ name: `${name} (variable)`, query: `query F($f: ${filterType.name}) { ${field.name}(first: 1, filter: $f) { totalCount } }`, variables: { f: filter }, expect });
    if (JSON.stringify(filter).length < 20_000) cases.push({ name: `${name} (inline)`, query: `{ ${field.name}(first: 1, filter: ${literal(filter, filterType)}) { totalCount } }`, expect });
  }
  if (orderBy) {
    const sort = (getNamedType(orderBy.type) as GraphQLEnumType).getValues()[0].name;
    const query = `query O($o: ${String(orderBy.type)}) { ${field.name}(first: 1, orderBy: $o) { totalCount } }`;
    cases.push({ name: `${field.name}.orderBy of 5000`, query, variables: { o: Array(5000).fill(sort) }, expect: 'QUERY_TOO_COMPLEX' });
  }
  return cases;
}

const DOCUMENT_CASES: Case[] = [
  { name: 'first and last together', query: '{ tasks(first: 1, last: 1) { nodes { rowId } } }' },
  { name: 'first with before', query: '{ tasks(first: 1, before: "WyJuYXR1cmFsIiwxXQ==") { nodes { rowId } } }' },
  { name: 'last with after', query: '{ tasks(last: 1, after: "WyJuYXR1cmFsIiwxXQ==") { nodes { rowId } } }' },
  { name: 'offset with last', query: '{ tasks(last: 1, offset: 2) { nodes { rowId } } }' },
  { name: 'negative offset', query: '{ tasks(offset: -1) { nodes { rowId } } }' },
  { name: 'a subscription over HTTP', query: 'subscription S { taskChanged { rowId } }' },
  { name: 'a subscription of an unknown field', query: 'subscription S { tasks { totalCount } }' },
  { name: 'an unknown operation name', query: 'query A { __typename }', variables: {}, raw: JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }) },
  { name: 'two operations, no operation name', query: 'query A { __typename } query B { __typename }' },
  { name: '800 repeated fields', query: `{ ${'__typename '.repeat(800)}}` },
  { name: '800 unknown fields', query: `{ ${Array.from({ length: 800 }, (_, i) => `f${i}`).join(' ')} }` },
  { name: 'an undefined variable', query: '{ tasks(first: $n) { totalCount } }' },
  { name: 'an unused variable of an unknown type', query: 'query Q($x: Nope) { __typename }' },
  { name: 'a fragment cycle', query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' },
  { name: 'deep JSON in a variable nobody declared', query: '{ __typename }', raw: `{"query":"{ __typename }","variables":{"x":${deepJson(5000)}}}` },
];

let server: TestServer;
let caller: { authorization: string; 'x-organization-id': string };
beforeAll(async () => {
  server = await startTestServer();
  const org = await createOrganization(server, 'Fuzz');
  caller = { authorization: `Bearer ${org.admin.accessToken}`, 'x-organization-id': org.id };
});
afterAll(() => server?.close());

const CASES = [
  ...Object.values(schema.getQueryType()!.getFields()).flatMap((field) => fieldCases('query', field)),
  ...Object.values(schema.getMutationType()!.getFields()).flatMap((field) => fieldCases('mutation', field)),
  ...Object.values(schema.getQueryType()!.getFields()).flatMap(filterCases),
  ...DOCUMENT_CASES,
];

test('the fuzzer covers every root field with arguments, in both forms', () => {
  const withArgs = [...Object.values(schema.getQueryType()!.getFields()), ...Object.values(schema.getMutationType()!.getFields())].filter((f) => f.args.length);
  const covered = new Set(CASES.map((c) => c.name.split('.')[0]));
  expect(withArgs.filter((f) => !covered.has(f.name)).map((f) => f.name)).toEqual([]);
  expect(CASES.length).toBeGreaterThan(1000);
  expect(CASES.length).toBeLessThan(6000);
});

test('no generated input gets a 5xx or INTERNAL_ERROR, and every error carries a code', { timeout: 240_000 }, async () => {
  const failures: string[] = [];
  const run = async ({ name, query, variables, raw, expect: expected }: Case) => {
    const response = await http(server, 'POST', '/graphql', {
      ...(raw ? { raw, headers: { ...caller, 'content-type': 'application/json' } } : { body: { query, variables }, headers: caller }),
    });
    const body = response.body as { errors?: { extensions?: { code?: unknown } }[]; error?: { code?: unknown } };
    const codes = body?.error ? [body.error.code] : (body?.errors ?? []).map((e) => e.extensions?.code);
    const missed = expected !== undefined && !codes.includes(expected);
    if (missed || response.status >= 500 || codes.includes('INTERNAL_ERROR') || codes.some((code) => typeof code !== 'string')) {
      failures.push(`${name}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    }
  };
  // A few at a time: the server is shared with nobody, and the cases are independent.
  const queue = [...CASES];
  await Promise.all(Array.from({ length: 6 }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await run(next);
  }));
  expect(failures.slice(0, 40), `${failures.length} of ${CASES.length} cases failed`).toEqual([]);
});

// What an operation may return, known before it runs, by two measures:
//   - its cost: how many objects its response may hold. A connection field multiplies what is under it
//     by its page size (`first`, `last`, else the default page), so nested lists cost what they can
//     return: tasks(first: 100) > organization > tasks(first: 100) costs about 100 × 100, however small
//     the document. Every object counts 1, scalars nothing;
//   - its size: how many bytes its response may take, with each leaf at about the longest value its
//     column allows (LEAF_BYTES) and multiplied the same way. Objects alone do not bound it: one page of
//     100 tasks selecting `metadata` under thirty aliases is 101 objects and up to 200 MB.
// graphql-query-complexity walks the document (fragments, @skip and @include, variables) and calls the
// estimator per field.
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  getNamedType,
  GraphQLError,
  isLeafType,
  isObjectType,
  Kind,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'postgraphile/graphql';

/**
 * The most a leaf may take in an answer, in bytes (about: characters of its column's longest value).
 * Text with a length rule of its own, JSON (metadata is at most 64 KiB; history and audit details hold
 * the changed fields of one row, a task's description and metadata at most), and everything else: names,
 * titles and e-mails are at most 500 characters, ids, enums, dates and numbers far less.
 */
const ROW_CHANGES = 20_000 + 65_536 + 2_048;
const LEAF_BYTES: Record<string, number> = {
  'Task.description': 20_000,
  'Role.description': 1_000,
  'Team.description': 1_000,
  'TaskHistory.changes': ROW_CHANGES,
  'AuditLog.details': ROW_CHANGES,
};
const JSON_BYTES = 65_536;
const TEXT_BYTES = 512;
const SCALAR_BYTES = 64;
/** An object's own bytes in an answer: its braces and the key that holds it. */
const OBJECT_BYTES = 16;

/** A Relay connection field: paginated by `first` and holding its items in `nodes` or `edges`. */
export function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return field.args.some((arg) => arg.name === 'first') && isObjectType(type) && ('nodes' in type.getFields() || 'edges' in type.getFields());
}

/** An estimator weighing each object `objectWeight` and each leaf `leafWeight(…)`, connections multiplied by their page. */
function estimator(defaultPageSize: number, objectWeight: number, leafWeight: (parent: string, field: string, type: string) => number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const named = getNamedType(field.type);
    if (isLeafType(named)) return leafWeight(type.name, field.name, named.name);
    if (isConnection(field)) {
      const page = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : defaultPageSize;
      return objectWeight + page * childComplexity;
    }
    return objectWeight + childComplexity;
  };
}

const leafBytes = (parent: string, field: string, type: string) =>
  LEAF_BYTES[`${parent}.${field}`] ?? (type === 'JSON' ? JSON_BYTES : type === 'String' ? TEXT_BYTES : SCALAR_BYTES);

/** The document with only `operation` (and the fragments it may spread): what runs, and is costed. */
export function onlyOperation(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  return { ...document, definitions: document.definitions.filter((d) => d.kind !== 'OperationDefinition' || d === operation) };
}

export interface Estimate {
  /** Objects the response may hold. */
  cost: number;
  /** Bytes the response may take. */
  bytes: number;
}

/**
 * The cost and size of the operation (whose variables are known to coerce); Infinity when its fields are
 * too many to walk (graphql-query-complexity's node bound, which only fragment explosions reach).
 */
export function estimate(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, defaultPageSize: number): Estimate {
  const query = onlyOperation(document, operation);
  try {
    return {
      cost: getComplexity({ schema, query, variables, estimators: [estimator(defaultPageSize, 1, () => 0)] }),
      bytes: getComplexity({ schema, query, variables, estimators: [estimator(defaultPageSize, OBJECT_BYTES, leafBytes)] }),
    };
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) return { cost: Infinity, bytes: Infinity };
    throw error;
  }
}

/**
 * The estimate, remembered per parsed document (clients send the same few over and over) and per the
 * values of its Int and Boolean variables, the only ones that change it (page sizes, @skip and
 * @include): a page request is not walked twice per request (~100 µs) but looked up.
 */
const remembered = new WeakMap<OperationDefinitionNode, Map<string, Estimate>>();
const REMEMBERED_PER_DOCUMENT = 64;

export function cachedEstimate(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  defaultPageSize: number,
): Estimate {
  let byValues = remembered.get(operation);
  if (!byValues) remembered.set(operation, (byValues = new Map()));
  const key = JSON.stringify(
    (operation.variableDefinitions ?? []).map((definition) => {
      let type = definition.type;
      while (type.kind !== Kind.NAMED_TYPE) type = type.type;
      return type.name.value === 'Int' || type.name.value === 'Boolean' ? (variables[definition.variable.name.value] ?? null) : 0;
    }),
  );
  let found = byValues.get(key);
  if (!found) {
    if (byValues.size >= REMEMBERED_PER_DOCUMENT) byValues.clear();
    byValues.set(key, (found = estimate(schema, document, operation, variables, defaultPageSize)));
  }
  return found;
}

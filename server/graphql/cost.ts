// The cost of an operation, known before it runs: how many objects its response may hold. A connection
// field multiplies what is under it by its page size (`first`, `last`, else the default page), so nested
// lists cost what they can return: tasks(first: 100) > organization > tasks(first: 100) costs about
// 100 × 100, however small the document. Every object counts 1, scalars nothing. graphql-query-complexity
// walks the document (fragments, @skip and @include, variables) and calls the estimator per field.
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  getNamedType,
  GraphQLError,
  isLeafType,
  isObjectType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'postgraphile/graphql';

/** A Relay connection field: paginated by `first` and holding its items in `nodes` or `edges`. */
export function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return field.args.some((arg) => arg.name === 'first') && isObjectType(type) && ('nodes' in type.getFields() || 'edges' in type.getFields());
}

function objectCountEstimator(defaultPageSize: number): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    if (isLeafType(getNamedType(field.type))) return 0;
    if (isConnection(field)) {
      const page = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : defaultPageSize;
      return 1 + page * childComplexity;
    }
    return 1 + childComplexity;
  };
}

/** The document with only `operation` (and the fragments it may spread): what runs, and is costed. */
export function onlyOperation(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  return { ...document, definitions: document.definitions.filter((d) => d.kind !== 'OperationDefinition' || d === operation) };
}

/**
 * The cost of the operation (whose variables are known to coerce), or Infinity when its fields are too
 * many to walk (graphql-query-complexity's node bound, which only fragment explosions reach).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  defaultPageSize: number,
): number {
  try {
    return getComplexity({
      schema,
      query: onlyOperation(document, operation),
      variables,
      estimators: [objectCountEstimator(defaultPageSize)],
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) return Infinity;
    throw error;
  }
}

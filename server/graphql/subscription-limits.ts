// What a subscription document may ask for. A subscription runs once per event for every subscriber, so
// a document that is cheap as one query becomes expensive times the events times the subscribers: 180
// subscriptions selecting `task { organization { tasks(first: 100) { … } } }` turned each createTask into
// 436 ms of CPU. Subscriptions therefore get limits of their own, judged once, when they are made:
//   - no lists (connections) anywhere in them: a subscriber that needs a list fetches it over HTTP when a
//     message tells it something changed;
//   - a cost (objects per message, cost.ts) of at most REALTIME_MAX_COST;
//   - at most REALTIME_MAX_MESSAGE_BYTES per message, estimated from the fields selected (aliases of a
//     large field count each time); websocket.ts also refuses any message over it that is built anyway.
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  getNamedType,
  GraphQLError,
  isLeafType,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  BREAK,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'postgraphile/graphql';
import { isConnection, onlyOperation, operationCost } from './cost.ts';

export interface SubscriptionLimits {
  maxCost: number;
  maxMessageBytes: number;
}

/**
 * The most a leaf may weigh in a message, in bytes: the task fields with constraints of their own (a
 * description of 20,000 characters, metadata of 64 KiB), other text such as titles and names (500
 * characters at most), and everything else (ids, enums, dates, numbers).
 */
const LEAF_BYTES: Record<string, number> = { 'Task.description': 20_000, 'Task.metadata': 65_536 };
const TEXT_BYTES = 1_000;
const SCALAR_BYTES = 64;

const bytesEstimator: ComplexityEstimator = ({ type, field, childComplexity }) => {
  const named = getNamedType(field.type);
  if (!isLeafType(named)) return 16 + childComplexity;
  const known = LEAF_BYTES[`${type.name}.${field.name}`];
  if (known !== undefined) return known;
  return named.name === 'String' || named.name === 'JSON' ? TEXT_BYTES : SCALAR_BYTES;
};

const refused = (message: string) => new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } });

/** The first connection field the document selects, if any. */
function connectionIn(schema: GraphQLSchema, document: DocumentNode): string | undefined {
  let found: string | undefined;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (field && isObjectType(parent) && isConnection(field)) {
          found = `${parent.name}.${node.name.value}`;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return found;
}

/** Why a subscription may not be made, or undefined; its variables are known to coerce. */
export function subscriptionError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  defaultPageSize: number,
  { maxCost, maxMessageBytes }: SubscriptionLimits,
): GraphQLError | undefined {
  const connection = connectionIn(schema, document);
  if (connection) {
    return refused(`A subscription may not select lists (${connection}): fetch them over HTTP when a message says what changed`);
  }
  const cost = operationCost(schema, document, operation, variables, defaultPageSize);
  if (cost > maxCost) return refused(`Each message of this subscription could hold ${cost} objects; the limit is ${maxCost}`);
  const bytes = getComplexity({ schema, query: onlyOperation(document, operation), variables, estimators: [bytesEstimator] });
  if (bytes > maxMessageBytes) {
    return refused(`Each message of this subscription could be ${bytes.toLocaleString('en')} bytes; the limit is ${maxMessageBytes.toLocaleString('en')}. Select fewer large fields.`);
  }
  return undefined;
}

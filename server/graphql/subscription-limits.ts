// What a subscription document may ask for. A subscription runs once per event for every subscriber, so
// a document that is cheap as one query becomes expensive times the events times the subscribers: 180
// subscriptions selecting `task { organization { tasks(first: 100) { … } } }` turned each createTask into
// 436 ms of CPU. Subscriptions therefore get limits of their own, judged once, when they are made:
//   - no lists (connections) anywhere in them: a subscriber that needs a list fetches it over HTTP when a
//     message tells it something changed;
//   - a cost (objects per message, cost.ts) of at most REALTIME_MAX_COST;
//   - at most REALTIME_MAX_MESSAGE_BYTES per message, estimated from the fields selected (cost.ts; aliases
//     of a large field count each time); sockets.ts also refuses any message over it built anyway.
import { BREAK, GraphQLError, isObjectType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'postgraphile/graphql';
import { isConnection, type Estimate } from './cost.ts';

export interface SubscriptionLimits {
  maxCost: number;
  maxMessageBytes: number;
}

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

/** Why a subscription may not be made, given its estimated message (cost.ts), or undefined. */
export function subscriptionError(schema: GraphQLSchema, document: DocumentNode, { cost, bytes }: Estimate, { maxCost, maxMessageBytes }: SubscriptionLimits): GraphQLError | undefined {
  const connection = connectionIn(schema, document);
  if (connection) {
    return new GraphQLError(`A subscription may not select lists (${connection}): fetch them over HTTP when a message says what changed`, {
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
  }
  if (cost > maxCost) {
    return new GraphQLError(`Each message of this subscription could hold ${cost} objects; the limit is ${maxCost}`, { extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost } });
  }
  if (bytes > maxMessageBytes) {
    return new GraphQLError(`Each message of this subscription could be ${bytes.toLocaleString('en')} bytes; the limit is ${maxMessageBytes.toLocaleString('en')}. Select fewer large fields.`, {
      extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: maxMessageBytes },
    });
  }
  return undefined;
}

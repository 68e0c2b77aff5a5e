// Bounds on what one GraphQL request may ask for: depth, aliases, tokens (graphql-armor), what its
// arguments hold (input-limits.ts), page size (first/last), cost and size (objects and bytes the response
// may hold, nested page sizes multiplied: cost.ts), and introspection and field suggestions in production
// (field-suggestions.ts). Limits are configuration (server/config.ts).
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { LRUCache } from 'lru-cache';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValueNode,
} from 'postgraphile/graphql';
import { SafeError } from 'postgraphile/grafast';
import type { ServerConfig } from '../config.ts';
import { cachedEstimate } from './cost.ts';
import { withoutSuggestions } from './field-suggestions.ts';
import { inputError, variablesDepthError } from './input-limits.ts';
import { subscriptionError } from './subscription-limits.ts';

const PAGE_ARGUMENTS = new Set(['first', 'last']);
/** Pagination arguments that must not be negative (PostGraphile would fail with an unexpected error). */
const COUNT_ARGUMENTS = new Set(['first', 'last', 'offset']);

/** graphql-armor throws by default (a 500); report as a validation error (400) with a code instead. */
const REPORT = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'QUERY_TOO_COMPLEX' } })),
  ],
};

export function makeLimitsPlugin(config: Pick<ServerConfig, 'graphql' | 'realtime' | 'production'>): GraphileConfig.Plugin {
  const { maxDepth, maxAliases, maxTokens, maxPageSize, maxCost, input } = config.graphql;
  // Clients send the same few documents over and over; one that passed the token count needs no recount.
  // Bounded by the total length of the remembered documents, not their number: a short document with a
  // 100 KB string literal has few tokens, and a thousand of them must not pin 100 MB.
  const withinTokenLimit = new LRUCache<string, true>({ maxSize: 1_000_000, sizeCalculation: (_, query) => query.length });
  /** Why the operation may not run (its arguments, page size, cost), known once its variables are. */
  const refusal = ({ schema, document, variableValues, operationName }: { schema: GraphQLSchema; document: DocumentNode; variableValues?: Record<string, unknown> | null; operationName?: string | null }) => {
    const operation = getOperationAST(document, operationName);
    // No such operation, or variables that do not coerce: left to execution, which reports them as usual.
    if (!operation) return undefined;
    const variables = variableValues ?? {};
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return undefined;
    const argumentsError = inputError(schema, document, coerced.coerced, input) ?? pageSizeError(document, coerced.coerced, maxPageSize);
    if (argumentsError) return argumentsError;
    const { cost, bytes } = cachedEstimate(schema, document, operation, variables, maxPageSize);
    // A subscription runs once per event and subscriber: limits of its own (subscription-limits.ts).
    if (operation.operation === 'subscription') return subscriptionError(schema, document, { cost, bytes }, config.realtime);
    return costError(cost, maxCost) ?? sizeError(bytes, config.graphql.maxResponseBytes);
  };
  return {
    name: 'RowgateLimitsPlugin',
    version: '1.0.0',
    grafserv: {
      middleware: {
        setPreset(next, event) {
          event.validationRules.push(
            maxDepthRule({ n: maxDepth, ignoreIntrospection: true, ...REPORT }),
            // Every alias counts, __typename too (graphql-armor exempts it by default).
            maxAliasesRule({ n: maxAliases, allowList: [], ...REPORT }),
          );
          if (config.production) {
            event.validationRules.push(NoSchemaIntrospectionCustomRule);
            event.validationRules.splice(0, Infinity, ...event.validationRules.map(withoutSuggestions));
          }
          return next();
        },
        // Before parsing: a document of too many tokens is refused without building its AST, and
        // variables nested too deep before graphql-js coerces them (recursively).
        processGraphQLRequestBody(next, event) {
          const { query, variableValues } = event.body;
          const tooDeep = variablesDepthError(variableValues, input);
          if (tooDeep) throw new SafeError(tooDeep, { statusCode: 400, code: 'QUERY_TOO_COMPLEX' });
          if (typeof query === 'string' && !withinTokenLimit.has(query)) {
            try {
              new MaxTokensParserWLexer(query, { n: maxTokens, exposeLimits: true }).parseDocument();
              withinTokenLimit.set(query, true);
            } catch (error) {
              // Syntax errors are left to the real parse, which reports them as usual.
              if (error instanceof GraphQLError && error.message.includes('Token limit')) {
                throw new SafeError(error.message.replace(/^Syntax Error: /, ''), { statusCode: 400, code: 'QUERY_TOO_COMPLEX' });
              }
            }
          }
          return next();
        },
      },
    },
    grafast: {
      middleware: {
        // Variables are known only now; a refused page size or cost is answered like a validation error
        // (400), for a subscription once, when it is made (each event then runs the same document).
        execute(next, event) {
          const error = refusal(event.args);
          return error ? { errors: [error] } : next();
        },
        subscribe(next, event) {
          const error = refusal(event.args);
          if (error) return { errors: [error] };
          // Grafast counts EXECUTION_TIMEOUT_MS from the subscription's start, for every event after it:
          // past 10 s each one came back TIMEOUT with a null task. An event's work is bounded otherwise
          // (the subscription limits above, STATEMENT_TIMEOUT_MS), so subscriptions run without it.
          const { resolvedPreset } = event.args;
          if (resolvedPreset) event.args.resolvedPreset = withoutExecutionTimeout(resolvedPreset);
          return next();
        },
      },
    },
  };
}

/** The preset for subscriptions: the same, without an execution timeout (made once per preset). */
const subscriptionPresets = new WeakMap<GraphileConfig.ResolvedPreset, GraphileConfig.ResolvedPreset>();
function withoutExecutionTimeout(preset: GraphileConfig.ResolvedPreset): GraphileConfig.ResolvedPreset {
  let found = subscriptionPresets.get(preset);
  if (!found) {
    const { execution: _execution, ...timeouts } = preset.grafast?.timeouts ?? {};
    subscriptionPresets.set(preset, (found = { ...preset, grafast: { ...preset.grafast, timeouts } }));
  }
  return found;
}

/** The first/last/offset arguments of each document, found once (parsed documents are cached and reused). */
const countArgumentsOf = new WeakMap<DocumentNode, ArgumentNode[]>();

function countArguments(document: DocumentNode): ArgumentNode[] {
  let found = countArgumentsOf.get(document);
  if (!found) {
    const list: ArgumentNode[] = [];
    visit(document, {
      Argument(node) {
        if (COUNT_ARGUMENTS.has(node.name.value)) list.push(node);
      },
    });
    countArgumentsOf.set(document, (found = list));
  }
  return found;
}

/**
 * Checks first/last/offset, literal or through variables. Variables are coerced as execution will coerce
 * them, so a variable's default value (`$n: Int = 1000000`, nothing sent) is checked too.
 */
function pageSizeError(document: DocumentNode, variables: Record<string, unknown>, max: number): GraphQLError | undefined {
  const nodes = countArguments(document);
  if (!nodes.length) return undefined;
  const valueOf = (node: ValueNode): unknown =>
    node.kind === Kind.VARIABLE ? variables[node.name.value] : node.kind === Kind.INT ? Number(node.value) : undefined;
  for (const node of nodes) {
    const name = node.name.value;
    const value = valueOf(node.value);
    if (typeof value !== 'number') continue;
    if (value < 0) {
      return new GraphQLError(`\`${name}\` must not be negative`, { nodes: [node], extensions: { code: 'VALIDATION_FAILED' } });
    }
    if (PAGE_ARGUMENTS.has(name) && value > max) {
      return new GraphQLError(`\`${name}\` may be at most ${max}`, { nodes: [node], extensions: { code: 'PAGE_SIZE_EXCEEDED' } });
    }
  }
  return undefined;
}

function costError(cost: number, max: number): GraphQLError | undefined {
  if (cost <= max) return undefined;
  const size = Number.isFinite(cost) ? `up to ${cost.toLocaleString('en')} objects` : 'too many objects to count';
  return new GraphQLError(
    `This query could return ${size}; the limit is ${max.toLocaleString('en')}. Ask for smaller pages (first/last) or fewer nested lists.`,
    { extensions: { code: 'QUERY_TOO_COMPLEX', ...(Number.isFinite(cost) ? { cost } : {}), maxCost: max } },
  );
}

/** An answer that could be larger than a response may be: refused before it is built. */
function sizeError(bytes: number, max: number): GraphQLError | undefined {
  if (bytes <= max) return undefined;
  const size = Number.isFinite(bytes) ? `up to ${bytes.toLocaleString('en')} bytes` : 'too large to estimate';
  return new GraphQLError(`This operation's answer could be ${size}; the limit is ${max.toLocaleString('en')}. Ask for fewer rows or large fields (descriptions, metadata, details).`, {
    extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: max },
  });
}

// Bounds on what an operation's arguments may hold, literal or through variables, judged before the
// operation is planned. The token limit bounds a document's literals, but a variable is only bounded by
// the body size, and some inputs cost far more to plan than to send:
//   - a `filter` whose and/or/not nest deeply: each level is a condition of its own, compiled to SQL that
//     nests again (with a sibling condition per level, 1,500 levels took 2 s to plan; in development,
//     pg-sql2's indented printing makes it superlinear: 800 bare `not`s took 2.6 s, all synchronous);
//   - a `filter` of thousands of conditions, or an `orderBy` of thousands of sort keys (linear, but each
//     one planned and compiled, on the event loop);
//   - any value nested thousands of levels deep, which graphql-js coerces recursively until the stack
//     overflows.
// Refusals are QUERY_TOO_COMPLEX, like the depth and cost limits.
import {
  getNamedType,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'postgraphile/graphql';

export interface InputLimits {
  /** Levels of objects and lists in any argument value or variable. */
  maxDepth: number;
  /** Items in any list an argument holds (orderBy, in, and/or, permissions). */
  maxListLength: number;
  /** Levels of and/or/not in one `filter`. */
  maxFilterDepth: number;
  /** Conditions in one `filter`: every operator (equalTo, in, …) and every and/or/not. */
  maxFilterOperators: number;
}

const tooComplex = (message: string, argument?: ArgumentNode) =>
  new GraphQLError(message, { nodes: argument ? [argument] : undefined, extensions: { code: 'QUERY_TOO_COMPLEX' } });

/**
 * Whether a JSON value (variables as sent) nests deeper than `max` levels of objects and arrays. Without
 * recursion: a value too deep for the stack is what this guards against.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

export function variablesDepthError(variables: unknown, { maxDepth }: InputLimits): string | undefined {
  if (!nestsDeeperThan(variables, maxDepth + 1)) return undefined;
  return `A variable nests deeper than ${maxDepth} levels of objects and lists`;
}

/** A table's filter type (postgraphile-plugin-connection-filter): the one with and/or/not. */
const isTableFilter = (type: GraphQLInputObjectType) => 'and' in type.getFields() && 'not' in type.getFields();

interface Argument {
  node: ArgumentNode;
  type: GraphQLInputType;
}

/** The arguments of each document whose values can nest or hold lists, found once per parsed document. */
const structuredArgumentsOf = new WeakMap<DocumentNode, Argument[]>();

function structuredArguments(schema: GraphQLSchema, document: DocumentNode): Argument[] {
  let found = structuredArgumentsOf.get(document);
  if (found) return found;
  const list: Argument[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const type = typeInfo.getArgument()?.type;
        if (!type) return;
        const inner = isNonNullType(type) ? type.ofType : type;
        if (isListType(inner) || isInputObjectType(inner)) list.push({ node, type });
      },
    }),
  );
  structuredArgumentsOf.set(document, (found = list));
  return found;
}

/** Measures one argument's value against its type; returns why it is refused, if it is. */
function measure(value: unknown, type: GraphQLInputType, limits: InputLimits, depth: number): string | undefined {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (value == null) return undefined;
  if (isListType(inner)) {
    const items = Array.isArray(value) ? value : [value];
    if (items.length > limits.maxListLength) return `holds a list of ${items.length} items; the limit is ${limits.maxListLength}`;
    if (depth + 1 > limits.maxDepth) return `nests deeper than ${limits.maxDepth} levels`;
    for (const item of items) {
      const why = measure(item, inner.ofType, limits, depth + 1);
      if (why) return why;
    }
    return undefined;
  }
  if (!isInputObjectType(inner) || typeof value !== 'object') return undefined;
  if (depth + 1 > limits.maxDepth) return `nests deeper than ${limits.maxDepth} levels`;
  const fields = inner.getFields();
  for (const [name, child] of Object.entries(value)) {
    const field = fields[name];
    if (!field) continue;
    const why = measure(child, field.type, limits, depth + 1);
    if (why) return why;
  }
  return undefined;
}

/** Levels of and/or/not, and conditions, of a table filter's (coerced) value. */
function filterShape(value: unknown, type: GraphQLInputObjectType): { depth: number; operators: number } {
  let depth = 0;
  let operators = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [filter, level] = stack.pop()!;
    if (filter === null || typeof filter !== 'object') continue;
    depth = Math.max(depth, level);
    for (const [name, child] of Object.entries(filter)) {
      if (name === 'and' || name === 'or') {
        operators += 1;
        for (const item of Array.isArray(child) ? child : [child]) stack.push([item, level + 1]);
      } else if (name === 'not') {
        operators += 1;
        stack.push([child, level + 1]);
      } else if (child !== null && typeof child === 'object' && type.getFields()[name]) {
        operators += Object.keys(child).length;
      }
    }
  }
  return { depth, operators };
}

/** Why the operation's arguments may not run, given its coerced variables; undefined when they may. */
export function inputError(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, limits: InputLimits): GraphQLError | undefined {
  for (const argument of structuredArguments(schema, document)) {
    // Variables this operation does not define leave the value undefined: not this operation's argument.
    const value = valueFromAST(argument.node.value, argument.type, variables);
    if (value === undefined) continue;
    const name = argument.node.name.value;
    const why = measure(value, argument.type, limits, 0);
    if (why) return tooComplex(`\`${name}\` ${why}`, argument.node);
    const named = getNamedType(argument.type);
    if (name !== 'filter' || !isInputObjectType(named) || !isTableFilter(named)) continue;
    const { depth, operators } = filterShape(value, named);
    if (depth > limits.maxFilterDepth) {
      return tooComplex(`\`filter\` nests ${depth} levels of and/or/not; the limit is ${limits.maxFilterDepth}`, argument.node);
    }
    if (operators > limits.maxFilterOperators) {
      return tooComplex(`\`filter\` holds ${operators} conditions; the limit is ${limits.maxFilterOperators}`, argument.node);
    }
  }
  return undefined;
}

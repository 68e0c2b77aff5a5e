// The operations this project ships: codegen's persisted-documents manifest of client/operations (the
// console's and the documented TaskChanged; the tests' probes in test/operations are not in it). The
// GraphQL layer serves them as trusted documents (graphql/trusted-documents.ts); /metrics uses their names
// as the only label values of `operation` (ops/metrics.ts).
import { readFileSync } from 'node:fs';
import { Kind, parse } from 'postgraphile/graphql';

const MANIFEST = new URL('../client/generated/persisted-documents.json', import.meta.url);

/** Document hash → text. */
export function readManifest(): Record<string, string> {
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
}

/** The names of the shipped operations. */
export function shippedOperationNames(): Set<string> {
  const names = new Set<string>();
  for (const text of Object.values(readManifest())) {
    for (const definition of parse(text).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
    }
  }
  return names;
}

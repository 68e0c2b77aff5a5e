// The operations this project ships: codegen's persisted-documents manifest of client/operations (the
// console's and the documented TaskChanged; the tests' probes in test/operations are not in it). The
// GraphQL layer serves them as trusted documents (graphql/trusted-documents.ts); /metrics uses their names
// as the only label values of `operation` (ops/metrics.ts).
import { readFileSync } from 'node:fs';
import { Kind, parse } from 'postgraphile/graphql';

const MANIFEST = new URL('../client/generated/persisted-documents.json', import.meta.url);

let manifest: Record<string, string> | undefined;
let names: Set<string> | undefined;

/** Document hash → text, read once per process (the server's preset and its metrics both ask). */
export function readManifest(): Record<string, string> {
  manifest ??= JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
  return manifest;
}

/** The names of the shipped operations. */
export function shippedOperationNames(): Set<string> {
  names ??= new Set(
    Object.values(readManifest()).flatMap((text) =>
      parse(text).definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [])),
    ),
  );
  return names;
}

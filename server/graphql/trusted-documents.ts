// The operations this project ships (codegen's persisted-documents manifest of client/operations). Any
// client may send one as `documentId` instead of its text (the console always does, so it runs whatever
// this setting). TRUSTED_DOCUMENTS=1: only they may run; any other text is refused. Off by default so
// GraphiQL works in development. Their names are also the only operation names /metrics uses as label
// values.
import { readFileSync } from 'node:fs';
import { PersistedPlugin } from '@grafserv/persisted';
import { Kind, parse } from 'postgraphile/graphql';
import type { ServerConfig } from '../config.ts';

const MANIFEST = new URL('../../client/generated/persisted-documents.json', import.meta.url);

function readManifest(): Record<string, string> {
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
}

export function makeTrustedDocumentsPreset(config: ServerConfig): GraphileConfig.Preset {
  return {
    plugins: [PersistedPlugin],
    grafserv: { persistedOperations: readManifest(), allowUnpersistedOperation: !config.graphql.trustedDocuments },
  };
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

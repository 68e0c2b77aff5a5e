// TRUSTED_DOCUMENTS=1: only the operations in codegen's persisted-documents manifest may run (clients send
// `documentId`); anything else is refused. Off by default so GraphiQL works in development.
import { readFileSync } from 'node:fs';
import { PersistedPlugin } from '@grafserv/persisted';
import type { ServerConfig } from '../config.ts';

const MANIFEST = new URL('../../client/generated/persisted-documents.json', import.meta.url);

export function makeTrustedDocumentsPreset(config: ServerConfig): GraphileConfig.Preset[] {
  if (!config.graphql.trustedDocuments) return [];
  const persistedOperations = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
  return [{ plugins: [PersistedPlugin], grafserv: { persistedOperations, allowUnpersistedOperation: false } }];
}

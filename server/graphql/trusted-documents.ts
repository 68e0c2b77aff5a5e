// The operations this project ships (codegen's persisted-documents manifest of client/operations). Any
// client may send one as `documentId` instead of its text (the console always does, so it runs whatever
// this setting). TRUSTED_DOCUMENTS=1: only they may run; any other text is refused. Off by default so
// GraphiQL works in development.
import { PersistedPlugin } from '@grafserv/persisted';
import type { ServerConfig } from '../config.ts';
import { readManifest } from '../shipped-operations.ts';

export function makeTrustedDocumentsPreset(config: Pick<ServerConfig, 'graphql'>): GraphileConfig.Preset {
  return {
    plugins: [PersistedPlugin],
    grafserv: { persistedOperations: readManifest(), allowUnpersistedOperation: !config.graphql.trustedDocuments },
  };
}

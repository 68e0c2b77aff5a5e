// The console's GraphQL client: urql over the generated documents of client/generated, one client per
// organization (the same root field answers differently per X-Organization-Id, so caches must never be
// shared between organizations), subscriptions over graphql-ws on the same /graphql.
//
// urql because it is small and explicit: hooks over exchanges, subscriptions through graphql-ws, and no
// normalized cache to configure per type. It runs without a cache exchange: every page reads afresh and
// reads again after its own writes and on live events, so what it shows is what the database says now.
// Every document is sent by its codegen hash (`documentId`), so the console also runs on a server that
// accepts only trusted documents.
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { useCallback, useEffect, useMemo } from 'react';
import { Client, fetchExchange, subscriptionExchange, useMutation, useQuery, useSubscription, type AnyVariables, type OperationResult } from 'urql';
import type { TypedDocumentString } from '../../../client/generated/graphql.ts';
import { session } from '../auth/session.ts';
import { ApiError, apiErrorOf } from './errors.ts';

/** Operation name → codegen hash, for every document the console has used. */
const hashes = new Map<string, string>();

function textOf<T, V>(document: TypedDocumentString<T, V>): string {
  const text = document.toString();
  const name = /(?:query|mutation|subscription)\s+(\w+)/.exec(text)?.[1];
  const hash = document.__meta__?.hash as string | undefined;
  if (name && hash) hashes.set(name, hash);
  return text;
}

function headers(organizationId: string | undefined): Record<string, string> {
  const result: Record<string, string> = { 'content-type': 'application/json' };
  if (session.token) result.authorization = `Bearer ${session.token}`;
  if (organizationId) result['x-organization-id'] = organizationId;
  return result;
}

/** fetch for urql: the document by id, the current token, and one renewal if the token had expired. */
function makeFetch(organizationId: string | undefined): typeof fetch {
  return async (input, init) => {
    const { operationName, variables, query, extensions } = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    const documentId = typeof operationName === 'string' ? hashes.get(operationName) : undefined;
    const body = JSON.stringify(documentId ? { documentId, operationName, variables, extensions } : { query, operationName, variables, extensions });
    const send = () => fetch(input, { ...init, body, headers: headers(organizationId) });
    let response = await send();
    if (response.status === 401 && (await session.renew())) response = await send();
    if (!response.ok && !response.headers.get('content-type')?.includes('json')) {
      throw new ApiError('NETWORK_ERROR', `The server answered ${response.status}`);
    }
    return response;
  };
}

function makeWsClient(organizationId: string | undefined, accessEnded: () => void): WsClient {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  return createWsClient({
    url,
    lazy: true,
    connectionParams: async () => {
      const token = session.token ?? (await session.renew());
      return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(organizationId ? { 'x-organization-id': organizationId } : {}) };
    },
    // 4401: the token expired while connected; renew it. graphql-ws never retries a 4401 itself, so the
    // subscription hook subscribes again (useDocumentSubscription), with the renewed token.
    // 4403: no longer allowed; retrying would only be refused again.
    retryAttempts: Infinity,
    shouldRetry: (event) => (event as CloseEvent).code !== 4403,
    on: {
      closed: (event) => {
        const { code } = event as CloseEvent;
        if (code === 4401) void session.renew();
        if (code === 4401 || code === 4403) accessEnded();
      },
    },
  });
}

export interface OrganizationClient {
  client: Client;
  dispose(): void;
  /** Calls `listener` whenever the server ends the live connection for access (4401, 4403); returns its removal. */
  onAccessEnded(listener: () => void): () => void;
}

export function makeClient(organizationId: string | undefined): OrganizationClient {
  const listeners = new Set<() => void>();
  const ws = makeWsClient(organizationId, () => listeners.forEach((listener) => listener()));
  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetch: makeFetch(organizationId),
    requestPolicy: 'network-only',
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => {
            const name = request.operationName ?? undefined;
            const hash = name ? hashes.get(name) : undefined;
            const payload = { query: request.query ?? '', variables: request.variables, ...(hash ? { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } } : {}) };
            return { unsubscribe: ws.subscribe(payload, sink) };
          },
        }),
      }),
    ],
  });
  return {
    client,
    dispose: () => void ws.dispose(),
    onAccessEnded: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type Result<T> = { data: T | undefined; error: ApiError | undefined; fetching: boolean; refetch(): void };

/** A query through a generated document; `refetch` goes to the network. */
export function useDocumentQuery<T, V extends AnyVariables>(document: TypedDocumentString<T, V>, variables: V, pause = false): Result<T> {
  const [result, reexecute] = useQuery<T, V>({ query: textOf(document), variables, pause } as never);
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return { data: result.data, error: apiErrorOf(result.error), fetching: result.fetching, refetch };
}

/** A mutation through a generated document: resolves to its data, or throws the API's error. */
export function useDocumentMutation<T, V extends AnyVariables>(document: TypedDocumentString<T, V>): [(variables: V) => Promise<T>, boolean] {
  const [state, execute] = useMutation<T, V>(textOf(document));
  const run = useCallback(
    async (variables: V) => {
      const result: OperationResult<T, V> = await execute(variables);
      const error = apiErrorOf(result.error);
      if (error) throw error;
      return result.data as T;
    },
    [execute],
  );
  return [run, state.fetching];
}

/** How long after a 4401 close the subscription is made again (the session renews its token meanwhile). */
const RESUBSCRIBE_MS = 1000;

/**
 * Calls `onEvent` for every event of a generated subscription document. The server closes the socket with
 * 4401 when the access token it was opened with expires, and graphql-ws treats 4401 as final (no retry),
 * which would leave the page silently no longer live: the subscription is made again with the renewed
 * token, and `onResumed` tells the page to read what it may have missed meanwhile. Other refusals (4403)
 * stay final.
 */
export function useDocumentSubscription<T, V extends AnyVariables>(
  document: TypedDocumentString<T, V>,
  variables: V,
  onEvent: (data: T) => void,
  onResumed?: () => void,
): void {
  const query = useMemo(() => textOf(document), [document]);
  const [state, subscribeAgain] = useSubscription<T, T, V>({ query, variables } as never, (_previous, data) => {
    onEvent(data);
    return data;
  });
  const closedFor = (state.error?.networkError as Partial<CloseEvent> | undefined)?.code;
  useEffect(() => {
    if (closedFor !== 4401) return;
    const timer = setTimeout(() => {
      subscribeAgain();
      onResumed?.();
    }, RESUBSCRIBE_MS);
    return () => clearTimeout(timer);
  }, [state.error, closedFor, subscribeAgain, onResumed]);
}

// The /auth endpoints, as the console calls them. The console asks for the refresh token in an
// HttpOnly cookie (X-Refresh-Cookie: 1): script on the page, including any injected script, never sees
// it; the access token lives only in memory.
import { ApiError } from './errors.ts';

export interface Tokens {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

async function post(path: string, body: object, accessToken?: string): Promise<Tokens | undefined> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-refresh-cookie': '1' };
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError('NETWORK_ERROR', 'The server could not be reached. Try again.');
  }
  if (response.status === 204) return undefined;
  const json = (await response.json().catch(() => undefined)) as { error?: { code: string; message: string } } & Partial<Tokens>;
  if (!response.ok || !json?.accessToken) {
    throw new ApiError(json?.error?.code ?? 'ERROR', json?.error?.message ?? `The server answered ${response.status}`);
  }
  return { accessToken: json.accessToken, expiresIn: json.expiresIn ?? 0 };
}

export const signUp = (email: string, password: string, name: string) => post('/auth/register', { email, password, name }) as Promise<Tokens>;
export const signIn = (email: string, password: string) => post('/auth/login', { email, password }) as Promise<Tokens>;
/** A new access token for the refresh cookie (which rotates with it). */
export const refresh = () => post('/auth/refresh', {}) as Promise<Tokens>;
/**
 * Ends this browser's session by its refresh cookie, which works whether or not the access token is
 * still valid (a tab that slept past it); throws when the server could not be told.
 */
export const signOut = () => post('/auth/logout', {});

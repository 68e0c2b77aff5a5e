// The /auth endpoints, as the console calls them. The console asks for the refresh token in an
// HttpOnly cookie (X-Refresh-Cookie: 1): script on the page, including any injected script, never sees
// it; the access token lives only in memory.
import { ApiError } from './errors.ts';

export interface Tokens {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export type LogoutScope = 'current' | 'others' | 'all';

export interface CallOptions {
  method?: string;
  body?: object;
  accessToken?: string;
  /**
   * Whether the refresh cookie travels (and may be set or cleared by the answer). Off for calls that must
   * not touch this browser's own session, such as ending the others.
   */
  cookie?: boolean;
}

/** One /auth request: the answer's JSON (undefined for 204), or the API's refusal as an ApiError. */
export async function call<T>(path: string, { method = 'POST', body, accessToken, cookie = true }: CallOptions = {}): Promise<T | undefined> {
  const headers: Record<string, string> = {};
  if (body) headers['content-type'] = 'application/json';
  if (cookie) headers['x-refresh-cookie'] = '1';
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body && JSON.stringify(body), credentials: cookie ? 'same-origin' : 'omit' });
  } catch {
    throw new ApiError('NETWORK_ERROR', 'The server could not be reached. Try again.');
  }
  if (response.status === 204) return undefined;
  const json = (await response.json().catch(() => undefined)) as ({ error?: { code: string; message: string } } & T) | undefined;
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after')) || undefined;
    throw new ApiError(json?.error?.code ?? 'ERROR', json?.error?.message ?? `The server answered ${response.status}`, undefined, retryAfter);
  }
  return json;
}

async function tokens(path: string, body: object): Promise<Tokens> {
  const json = await call<Partial<Tokens>>(path, { body });
  if (!json?.accessToken) throw new ApiError('ERROR', 'The server sent no access token');
  return { accessToken: json.accessToken, expiresIn: json.expiresIn ?? 0 };
}

export const signUp = (email: string, password: string, name: string) => tokens('/auth/register', { email, password, name });
export const signIn = (email: string, password: string) => tokens('/auth/login', { email, password });
/** A new access token for the refresh cookie (which rotates with it). */
export const refresh = () => tokens('/auth/refresh', {});
/**
 * Ends this browser's session by its refresh cookie, which works whether or not the access token is
 * still valid (a tab that slept past it); throws when the server could not be told. Other scopes need
 * the access token.
 */
export const signOut = (scope: LogoutScope = 'current', accessToken?: string) => call('/auth/logout', { body: { scope }, accessToken });

// The account endpoints of /auth: mailed links (verify, reset), the password, and the user's sessions.
// Calls made as the signed-in user carry the access token and renew it once if it had expired.
import { session } from '../auth/session.ts';
import { call, type CallOptions } from './auth.ts';
import { ApiError } from './errors.ts';

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

/** As the signed-in user: the current access token, and once more with a fresh one after a 401. */
async function asUser<T>(path: string, options: CallOptions): Promise<T | undefined> {
  const send = (accessToken: string | undefined) => call<T>(path, { ...options, accessToken });
  try {
    return await send(session.token);
  } catch (error) {
    if (!(error instanceof ApiError && (error.code === 'INVALID_TOKEN' || error.code === 'NOT_AUTHENTICATED'))) throw error;
    const renewed = await session.renew();
    if (!renewed) throw error;
    return send(renewed);
  }
}

const message = async (path: string, body: object) => (await call<{ message: string }>(path, { body }))?.message ?? '';

/** Each resolves to the server's neutral message (the same whether the address has an account). */
export const resendVerification = (email: string) => message('/auth/resend-verification', { email });
export const forgotPassword = (email: string) => message('/auth/forgot-password', { email });

export const verifyEmail = (token: string) => call('/auth/verify-email', { body: { token } });
export const resetPassword = (token: string, password: string) => call('/auth/reset-password', { body: { token, password } });

export const changePassword = (currentPassword: string, newPassword: string) => asUser('/auth/change-password', { body: { currentPassword, newPassword }, cookie: false });

export const listSessions = async () => (await asUser<{ sessions: SessionInfo[] }>('/auth/sessions', { method: 'GET', cookie: false }))?.sessions ?? [];
export const endSession = (id: string) => asUser(`/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE', cookie: false });
/**
 * Ends every session but this one. Without the cookie: the server clears the refresh cookie on every
 * logout answer, and this browser's session is to go on.
 */
export const signOutOthers = () => asUser('/auth/logout', { body: { scope: 'others' }, cookie: false });

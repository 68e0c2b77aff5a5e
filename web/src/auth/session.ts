// The signed-in state of this tab. The access token is kept in memory only and renewed at three
// quarters of its lifetime; a request that still meets an expired one (a laptop that slept through the
// timer) renews it once and is sent again, so the user never notices. The refresh token is an HttpOnly
// cookie the server sets; refreshes are serialized across tabs (Web Locks), because the cookie rotates
// and presenting a rotated one revokes the whole session.
import * as auth from '../api/auth.ts';
import type { Tokens } from '../api/auth.ts';
import { ApiError } from '../api/errors.ts';

export type SessionState = { status: 'starting' } | { status: 'signedOut'; reason?: string } | { status: 'signedIn' };

const LOCK = 'rowgate-refresh';
/** Set while this browser holds a session: without it there is no refresh cookie to try. */
const MARKER = 'rowgate.signedIn';
/** Other tabs of this origin hear sign-ins and sign-outs. */
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('rowgate-session');

class Session {
  private state: SessionState = { status: 'starting' };
  private accessToken: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private renewing: Promise<string | undefined> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor() {
    channel?.addEventListener('message', (event: MessageEvent<string>) => {
      if (event.data === 'signedOut') this.clear();
      if (event.data === 'signedIn' && this.state.status !== 'signedIn') void this.renew();
    });
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = () => this.state;

  get token(): string | undefined {
    return this.accessToken;
  }

  /** On load: a refresh cookie from an earlier visit signs the tab in without a password. */
  async start(): Promise<void> {
    if (localStorage.getItem(MARKER)) await this.renew();
    else this.clear();
  }

  async signIn(email: string, password: string): Promise<void> {
    this.accept(await auth.signIn(email, password));
    channel?.postMessage('signedIn');
  }

  async signUp(email: string, password: string, name: string): Promise<void> {
    this.accept(await auth.signUp(email, password, name));
    channel?.postMessage('signedIn');
  }

  /**
   * Ends the session on the server first, by the refresh cookie (which the server also drops), then here
   * and in other tabs. When the server cannot be told, this tab stays signed in and the error is thrown:
   * saying "signed out" while the cookie could still mint tokens would be a lie.
   */
  async signOut(): Promise<void> {
    // No session left for the cookie to name (ended elsewhere, or the cookie gone) is a sign-out done.
    await auth.signOut().catch((error: unknown) => {
      if (!(error instanceof ApiError && error.code === 'NOT_AUTHENTICATED')) throw error;
    });
    this.clear();
    channel?.postMessage('signedOut');
  }

  /**
   * A fresh access token, shared by every caller that asks while one is on its way. Signs the tab out
   * when the session is over (expired, revoked, logged out elsewhere).
   */
  renew(): Promise<string | undefined> {
    this.renewing ??= this.locked(() => auth.refresh())
      .then((tokens) => {
        this.accept(tokens);
        return tokens.accessToken;
      })
      .catch((error: unknown) => {
        const wasSignedIn = this.state.status === 'signedIn';
        this.clear(wasSignedIn && error instanceof ApiError && error.code !== 'NETWORK_ERROR' ? 'Your session ended. Sign in again.' : undefined);
        return undefined;
      })
      .finally(() => {
        this.renewing = undefined;
      });
    return this.renewing;
  }

  private locked<T>(run: () => Promise<T>): Promise<T> {
    return navigator.locks ? navigator.locks.request(LOCK, run) : run();
  }

  private accept({ accessToken, expiresIn }: Tokens) {
    this.accessToken = accessToken;
    localStorage.setItem(MARKER, '1');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.renew(), expiresIn * 750);
    this.set({ status: 'signedIn' });
  }

  private clear(reason?: string) {
    this.accessToken = undefined;
    localStorage.removeItem(MARKER);
    clearTimeout(this.timer);
    this.set({ status: 'signedOut', reason });
  }

  private set(state: SessionState) {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

export const session = new Session();

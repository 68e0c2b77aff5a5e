// The signed-in state of this tab. The access token is kept in memory only and renewed at three
// quarters of its lifetime; a request that still meets an expired one (a laptop that slept through the
// timer) renews it once and is sent again, so the user never notices. The refresh token is an HttpOnly
// cookie the server sets; refreshes are serialized across tabs (Web Locks), because the cookie rotates
// and presenting a rotated one revokes the whole session. A refresh the server refuses for now (429 over
// the session's refresh budget, 503 while the database restarts) is retried after its Retry-After: only
// an answer that the session is over signs the tab out.
import { useSyncExternalStore } from 'react';
import * as auth from '../api/auth.ts';
import type { LogoutScope, Tokens } from '../api/auth.ts';
import { ApiError } from '../api/errors.ts';

export type SessionState = { status: 'starting' } | { status: 'signedOut'; reason?: string } | { status: 'signedIn' };

const LOCK = 'rowgate-refresh';
/** The answers that mean the session is over; any other refusal is worth another try. */
const ENDED = new Set(['INVALID_TOKEN', 'SESSION_REVOKED', 'NOT_AUTHENTICATED']);
/** Waits between tries without a Retry-After (network down): doubling from 1 s up to a minute. */
const MAX_WAIT_SECONDS = 60;
/** Set while this browser holds a session: without it there is no refresh cookie to try. */
const MARKER = 'rowgate.signedIn';
/** Other tabs of this origin hear sign-ins and sign-outs. */
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('rowgate-session');

class Session {
  private state: SessionState = { status: 'starting' };
  private accessToken: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private renewing: Promise<string | undefined> | undefined;
  /** Counts sign-outs, so a refresh waiting out a back-off knows the tab was signed out meanwhile. */
  private generation = 0;
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
  async signOut(scope: Exclude<LogoutScope, 'others'> = 'current'): Promise<void> {
    // No session left for the cookie to name (ended elsewhere, or the cookie gone) is a sign-out done.
    const done = (error: unknown) => {
      if (!(error instanceof ApiError && error.code === 'NOT_AUTHENTICATED')) throw error;
    };
    if (scope === 'current') await auth.signOut().catch(done);
    // Every session needs the access token (the cookie names only this one); an expired one is renewed once.
    else
      await auth.signOut(scope, this.accessToken).catch(async (error: unknown) => {
        if (!(error instanceof ApiError && error.code === 'INVALID_TOKEN')) throw error;
        await auth.signOut(scope, await this.renew()).catch(done);
      });
    this.clear();
    channel?.postMessage('signedOut');
  }

  /**
   * A fresh access token, shared by every caller that asks while one is on its way. Signs the tab out
   * when the session is over (expired, revoked, logged out elsewhere).
   */
  renew(): Promise<string | undefined> {
    this.renewing ??= this.refreshUntilAnswered()
      .then((tokens) => {
        this.accept(tokens);
        return tokens.accessToken;
      })
      .catch(() => {
        const wasSignedIn = this.state.status === 'signedIn';
        this.clear(wasSignedIn ? 'Your session ended. Sign in again.' : undefined);
        return undefined;
      })
      .finally(() => {
        this.renewing = undefined;
      });
    return this.renewing;
  }

  /**
   * Refreshes until the server gives tokens or says the session is over. The wait happens outside the
   * lock, so another tab is not held up by this one's back-off (it will meet the same budget anyway).
   */
  private async refreshUntilAnswered(): Promise<Tokens> {
    const generation = this.generation;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.locked(() => auth.refresh());
      } catch (error) {
        if (!(error instanceof ApiError) || ENDED.has(error.code)) throw error;
        const seconds = error.retryAfter ?? Math.min(2 ** attempt, MAX_WAIT_SECONDS);
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        // Signed out meanwhile (another tab, or this one): nothing to renew any more.
        if (this.generation !== generation) throw error;
      }
    }
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
    this.generation++;
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

/** The session's state, re-rendering the component whenever it changes. */
export function useSessionState() {
  return useSyncExternalStore(session.subscribe, session.getState);
}

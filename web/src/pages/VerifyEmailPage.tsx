// /verify-email?token=… (the link in the verification mail): verified on arrival, signed in or not.
// A token works once, and StrictMode runs effects twice in development: each token is posted once per
// page load and every render reads that one answer.
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { verifyEmail } from '../api/account.ts';
import { useSessionState } from '../auth/session.ts';

const answers = new Map<string, Promise<unknown>>();
const verifyOnce = (token: string) => {
  if (!answers.has(token)) answers.set(token, verifyEmail(token));
  return answers.get(token)!;
};

type Outcome = { status: 'working' } | { status: 'verified' } | { status: 'failed'; message: string };

export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const state = useSessionState();
  const [outcome, setOutcome] = useState<Outcome>({ status: 'working' });

  useEffect(() => {
    if (!token) return;
    let current = true;
    verifyOnce(token).then(
      () => current && setOutcome({ status: 'verified' }),
      (error: Error) => current && setOutcome({ status: 'failed', message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [token]);

  const onward = state.status === 'signedIn' ? { to: '/tasks', label: 'Go to the console' } : { to: '/signin', label: 'Sign in' };
  return (
    <main className="auth">
      <h1>Verify your e-mail address</h1>
      {!token ? (
        <p className="error" role="alert">
          This link has no verification token. Open the link from the e-mail again.
        </p>
      ) : outcome.status === 'working' ? (
        <p role="status">Verifying…</p>
      ) : outcome.status === 'verified' ? (
        <p className="notice" role="status">
          Your e-mail address is verified.
        </p>
      ) : (
        <p className="error" role="alert">
          {outcome.message}
        </p>
      )}
      {outcome.status === 'failed' && state.status === 'signedIn' && <p>You can ask for a new link from the banner in the console.</p>}
      <Link className="button" to={onward.to}>
        {onward.label}
      </Link>
    </main>
  );
}

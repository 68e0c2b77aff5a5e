// Sign in and sign up. Both return to `next` (an invitation link, or the page that needed a session).
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { session, useSessionState } from '../auth/session.ts';
import { ErrorMessage, TextField, attempt } from '../components/ui.tsx';

/** Only paths of this console: a `next` may not send the user to another site. */
function useNext(): string {
  const [params] = useSearchParams();
  const next = params.get('next') ?? '/tasks';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/tasks';
}

export function SignInPage() {
  const state = useSessionState();
  const next = useNext();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  if (state.status === 'signedIn') return <Navigate to={next} replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    await attempt(() => session.signIn(String(form.get('email')), String(form.get('password'))), setError);
    setBusy(false);
  };
  return (
    <main className="auth">
      <h1>Sign in to rowgate</h1>
      {state.status === 'signedOut' && state.reason && (
        <p className="notice" role="status">
          {state.reason}
        </p>
      )}
      <form onSubmit={submit}>
        <TextField label="E-mail" name="email" type="email" autoComplete="email" required autoFocus />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
      <p>
        <Link to="/forgot-password">Forgot password?</Link>
      </p>
      <p>
        New here? <Link to={`/signup?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </main>
  );
}

export function SignUpPage() {
  const state = useSessionState();
  const next = useNext();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  if (state.status === 'signedIn') return <Navigate to={next === '/tasks' ? '/organizations/new' : next} replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    await attempt(() => session.signUp(String(form.get('email')), String(form.get('password')), String(form.get('name'))), setError);
    setBusy(false);
  };
  return (
    <main className="auth">
      <h1>Create your rowgate account</h1>
      <form onSubmit={submit}>
        <TextField label="Name" name="name" autoComplete="name" required autoFocus maxLength={200} />
        <TextField label="E-mail" name="email" type="email" autoComplete="email" required />
        <TextField label="Password" name="password" type="password" autoComplete="new-password" required minLength={8} />
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy}>
          Create account
        </button>
      </form>
      <p>
        Already have an account? <Link to={`/signin?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </main>
  );
}

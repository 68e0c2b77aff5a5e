// /reset-password?token=… (the link in the reset mail): a new password. The server ends every session of
// the account, this browser's too, so the page offers to sign in again.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { resetPassword } from '../api/account.ts';
import { ApiError } from '../api/errors.ts';
import { session } from '../auth/session.ts';
import { ErrorMessage, TextField, attempt, SubmitButton } from '../components/ui.tsx';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password'));
    if (password !== String(form.get('confirm'))) {
      setError(new Error('The two passwords differ.'));
      return;
    }
    setBusy(true);
    if (await attempt(() => resetPassword(token, password), setError)) {
      // A session of this browser, if any, asks the server whether it survived: it did not if it was this
      // account's (the tab then signs out), and it did if the reset was for another account.
      if (session.getState().status === 'signedIn') await session.renew();
      setDone(true);
    }
    setBusy(false);
  };

  if (done) {
    return (
      <main className="auth">
        <h1>Password changed</h1>
        <p role="status" className="notice">
          Your new password is set, and every session of your account was signed out.
        </p>
        <Link className="button" to="/signin">
          Sign in
        </Link>
      </main>
    );
  }
  const invalid = error instanceof ApiError && error.code === 'INVALID_TOKEN';
  return (
    <main className="auth">
      <h1>Choose a new password</h1>
      {!token ? (
        <p className="error" role="alert">
          This link has no reset token. Open the link from the e-mail again, or <Link to="/forgot-password">ask for a new one</Link>.
        </p>
      ) : (
        <form onSubmit={submit}>
          <TextField label="New password" name="password" type="password" autoComplete="new-password" required minLength={8} autoFocus />
          <TextField label="Repeat the new password" name="confirm" type="password" autoComplete="new-password" required minLength={8} />
          <ErrorMessage error={error} />
          {invalid && (
            <p>
              <Link to="/forgot-password">Ask for a new reset link</Link>
            </p>
          )}
          <SubmitButton busy={busy}>
            Set new password
          </SubmitButton>
        </form>
      )}
    </main>
  );
}

// /forgot-password: asks for a reset mail. The answer is the same for any address (the server never
// says whether one has an account), so the page shows that neutral message as it is.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { forgotPassword } from '../api/account.ts';
import { ErrorMessage, TextField, attempt } from '../components/ui.tsx';

export function ForgotPasswordPage() {
  const [error, setError] = useState<Error>();
  const [sent, setSent] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email'));
    setBusy(true);
    setSent(undefined);
    await attempt(async () => setSent(`${await forgotPassword(email)}.`), setError);
    setBusy(false);
  };
  return (
    <main className="auth">
      <h1>Forgot your password?</h1>
      <p>Enter the e-mail address of your account; we mail it a link to choose a new password.</p>
      <form onSubmit={submit}>
        <TextField label="E-mail" name="email" type="email" autoComplete="email" required autoFocus />
        <ErrorMessage error={error} />
        {sent && (
          <p className="notice" role="status">
            {sent}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Send reset link
        </button>
      </form>
      <p>
        <Link to="/signin">Back to sign in</Link>
      </p>
    </main>
  );
}

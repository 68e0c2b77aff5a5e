// Changing the password ends every other session of the account (the server's rule); this one goes on.
import { useState, type FormEvent } from 'react';
import { changePassword } from '../../api/account.ts';
import { ErrorMessage, TextField, attempt, SubmitButton } from '../../components/ui.tsx';

export function PasswordForm({ onChanged }: { onChanged?(): void }) {
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setDone(false);
    setBusy(true);
    if (await attempt(() => changePassword(String(form.get('current')), String(form.get('new'))), setError)) {
      setDone(true);
      formElement.reset();
      onChanged?.();
    }
    setBusy(false);
  };
  return (
    <>
      <h2>Password</h2>
      <form className="narrow" aria-label="Change password" onSubmit={submit}>
        <TextField label="Current password" name="current" type="password" autoComplete="current-password" required />
        <TextField label="New password" name="new" type="password" autoComplete="new-password" required minLength={8} />
        <ErrorMessage error={error} />
        {done && (
          <p className="notice" role="status">
            Your password is changed. Every other session of your account was signed out.
          </p>
        )}
        <SubmitButton busy={busy}>
          Change password
        </SubmitButton>
      </form>
    </>
  );
}

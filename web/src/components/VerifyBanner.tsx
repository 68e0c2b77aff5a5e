// Shown in the signed-in frame until the user's address is verified: some things (linking a sign-in from
// an identity provider) wait for it, and the mail may have been lost.
import { useState } from 'react';
import { resendVerification } from '../api/account.ts';
import { ErrorMessage, attempt } from './ui.tsx';

export function VerifyBanner({ email }: { email: string }) {
  const [error, setError] = useState<Error>();
  const [sent, setSent] = useState<string>();
  const [busy, setBusy] = useState(false);
  const resend = async () => {
    setBusy(true);
    setSent(undefined);
    await attempt(async () => setSent(`${await resendVerification(email)}.`), setError);
    setBusy(false);
  };
  return (
    <section className="banner" aria-label="E-mail address not verified">
      <p>
        Your e-mail address <strong>{email}</strong> is not verified yet. Open the link in the mail we sent to it.
      </p>
      {/* aria-disabled while busy, as SubmitButton: the focus stays on it. */}
      <button type="button" className="secondary" onClick={() => !busy && resend()} aria-disabled={busy}>
        Resend verification mail
      </button>
      {sent && (
        <p className="notice" role="status">
          {sent}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

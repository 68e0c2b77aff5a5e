// Small accessible building blocks: every input has a label, every refusal is announced.
import { useId, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { ApiError } from '../api/errors.ts';

export function ErrorMessage({ error }: { error: ApiError | Error | undefined | null }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error.message}
    </p>
  );
}

// Labels point at their control (rather than wrapping it), so a select's name is its label alone, not
// the label plus the chosen option.
export function TextField({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
    </div>
  );
}

export function SelectField({ label, children, ...select }: { label: string; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        {children}
      </select>
    </div>
  );
}

/** Runs an async action, keeping its refusal to show beside the form that caused it. */
export async function attempt(run: () => Promise<unknown>, setError: (error: Error | undefined) => void): Promise<boolean> {
  setError(undefined);
  try {
    await run();
    return true;
  } catch (error) {
    setError(error as Error);
    return false;
  }
}

export const formatTime = (iso: string) => new Date(iso).toLocaleString();

/**
 * A destructive or privilege-changing action that asks first: its button, then "Confirm" (named for what
 * it does, for screen readers) or "Keep". `name` is the first button's accessible name when its label is
 * short ("Remove" in a row of many).
 */
export function ConfirmedAction({
  label,
  name,
  confirm,
  run,
  onDone,
  tone = 'danger',
  disabled = false,
}: {
  label: string;
  name?: string;
  confirm: string;
  run(): Promise<unknown>;
  onDone(): void;
  tone?: 'danger' | 'secondary';
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const go = async () => {
    setBusy(true);
    const ok = await attempt(run, setError);
    setBusy(false);
    setAsking(false);
    if (ok) onDone();
  };
  return (
    <>
      {asking ? (
        <>
          <button type="button" className={tone} onClick={go} disabled={busy} aria-label={confirm}>
            Confirm
          </button>
          <button type="button" className="secondary" onClick={() => setAsking(false)}>
            Keep
          </button>
        </>
      ) : (
        <button type="button" className={tone} onClick={() => setAsking(true)} aria-label={name} disabled={disabled}>
          {label}
        </button>
      )}
      <ErrorMessage error={error} />
    </>
  );
}

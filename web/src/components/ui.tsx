// Small accessible building blocks: every input has a label, every refusal is announced.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
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

// Small accessible building blocks: every input has a label, every refusal is announced.
import { useEffect, useId, useRef, useState, type InputHTMLAttributes, type KeyboardEvent, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { ApiError } from '../api/errors.ts';

/** A refusal or a failure, announced; `retry` offers to read again (a list that could not be read). */
export function ErrorMessage({ error, retry }: { error: ApiError | Error | undefined | null; retry?: () => void }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error.message}
      {retry && (
        <>
          {' '}
          <button type="button" className="secondary" onClick={retry}>
            Retry
          </button>
        </>
      )}
    </p>
  );
}

/** Shown while a page's first answer is on its way, and announced. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

/** An empty list says so in a sentence, with what the user may do about it (when they may). */
export function Empty({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <p>{children}</p>
      {action}
    </div>
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

/** [value, text] pairs: the task enums, people and teams as [id, name]. */
export type OptionPairs = readonly (readonly [string, string])[];

/** An <option> for each pair. */
export const pairOptions = (pairs: OptionPairs) =>
  pairs.map(([value, text]) => (
    <option key={value} value={value}>
      {text}
    </option>
  ));

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

/**
 * A wide table's own horizontal scroll, so the page never scrolls sideways. Focusable and named, so a
 * keyboard user can scroll it too (a table of plain text has nothing else to take the focus).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** The header of a table's last column, whose cells hold each row's buttons: named for screen readers only. */
export function ActionsHeader() {
  return (
    <th scope="col">
      <span className="visually-hidden">Actions</span>
    </th>
  );
}

export const formatTime = (iso: string) => new Date(iso).toLocaleString();

/**
 * A form's submit button that stays focusable while its form is busy: a `disabled` button drops the focus
 * to the page, so this one only says it is unavailable (aria-disabled) and submits nothing meanwhile.
 */
export function SubmitButton({ busy, children, className }: { busy: boolean; children: ReactNode; className?: string }) {
  return (
    <button type="submit" className={className} aria-disabled={busy} onClick={(event) => busy && event.preventDefault()}>
      {children}
    </button>
  );
}

/**
 * A destructive or privilege-changing action that asks first: its button, then "Confirm" (named for what
 * it does, for screen readers) or "Keep". `name` is the first button's accessible name when its label is
 * short ("Remove" in a row of many). Asking puts the focus on Confirm; Keep, Escape or a refusal put it
 * back on the first button. After a success `onDone` may move it (to the next row, when this one goes);
 * if it does not, it returns to the first button too.
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
  const trigger = useRef<HTMLButtonElement>(null);
  const confirmation = useRef<HTMLButtonElement>(null);
  const returning = useRef(false);
  useEffect(() => {
    if (asking) confirmation.current?.focus();
    else if (returning.current) {
      returning.current = false;
      // Only when nothing else took the focus meanwhile: the Confirm button it was on is gone.
      if (document.activeElement === document.body || !document.activeElement) trigger.current?.focus();
    }
  }, [asking]);
  const keep = () => {
    returning.current = true;
    setAsking(false);
  };
  const go = async () => {
    if (busy) return;
    setBusy(true);
    const ok = await attempt(run, setError);
    setBusy(false);
    keep();
    if (ok) onDone();
  };
  const escape = (event: KeyboardEvent) => event.key === 'Escape' && keep();
  return (
    <>
      {asking ? (
        <>
          {/* aria-disabled rather than disabled while busy: a disabled button drops the focus to <body>. */}
          <button type="button" ref={confirmation} className={tone} onClick={go} onKeyDown={escape} aria-disabled={busy} aria-label={confirm}>
            Confirm
          </button>
          <button type="button" className="secondary" onClick={keep} onKeyDown={escape}>
            Keep
          </button>
        </>
      ) : (
        <button type="button" ref={trigger} className={tone} onClick={() => setAsking(true)} aria-label={name} disabled={disabled}>
          {label}
        </button>
      )}
      <ErrorMessage error={error} />
    </>
  );
}

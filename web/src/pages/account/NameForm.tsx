// Your display name (the database lets only you change it). The frame reads it again after a change.
import { useState, type FormEvent } from 'react';
import { RenameCurrentUserDocument } from '../../../../client/generated/graphql.ts';
import { useDocumentMutation } from '../../api/graphql.ts';
import { useOrganization } from '../../components/organization.ts';
import { ErrorMessage, TextField, attempt, SubmitButton } from '../../components/ui.tsx';

export function NameForm() {
  const { user, reload } = useOrganization();
  const [rename, busy] = useDocumentMutation(RenameCurrentUserDocument);
  const [error, setError] = useState<Error>();
  const [saved, setSaved] = useState(false);
  if (!user) return null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name')).trim();
    setSaved(false);
    if (await attempt(() => rename({ rowId: user.rowId, name }), setError)) {
      setSaved(true);
      reload();
    }
  };
  return (
    <>
      <h2>Profile</h2>
      <form className="narrow" aria-label="Profile" onSubmit={submit}>
        <p>
          E-mail address: <strong>{user.email}</strong>
        </p>
        <TextField label="Name" name="name" defaultValue={user.name} autoComplete="name" required maxLength={200} />
        <ErrorMessage error={error} />
        {saved && (
          <p className="notice" role="status">
            Your name is saved.
          </p>
        )}
        <SubmitButton busy={busy}>
          Save name
        </SubmitButton>
      </form>
    </>
  );
}

// Creating an organization makes its creator the Admin (the database's trigger); the console switches to it.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { CreateConsoleOrganizationDocument } from '../../../client/generated/graphql.ts';
import { useDocumentMutation } from '../api/graphql.ts';
import { useOrganization } from '../components/organization.ts';
import { ErrorMessage, TextField, attempt } from '../components/ui.tsx';

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);

export function NewOrganizationPage() {
  const organization = useOrganization();
  const navigate = useNavigate();
  const [create, busy] = useDocumentMutation(CreateConsoleOrganizationDocument);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState<string>();
  const [error, setError] = useState<Error>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await attempt(async () => {
      const data = await create({ name, slug: slug ?? slugify(name) });
      const created = data.createOrganization?.organization;
      if (created) {
        organization.switchTo(created.rowId);
        navigate('/tasks');
      }
    }, setError);
  };
  return (
    <section className="narrow">
      <h1>New organization</h1>
      <form onSubmit={submit}>
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        <TextField
          label="Slug (its short name in links)"
          value={slug ?? slugify(name)}
          onChange={(e) => setSlug(e.target.value)}
          required
          maxLength={63}
        />
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy}>
          Create organization
        </button>
      </form>
    </section>
  );
}

// /account: the signed-in user's own account, whatever the organization: name, password, sessions and
// what happened to the account lately. A change in one section reads the sessions and events again.
import { useReducer } from 'react';
import { NameForm } from './NameForm.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { SecurityEvents } from './SecurityEvents.tsx';
import { Sessions } from './Sessions.tsx';

export function AccountPage() {
  const [version, changed] = useReducer((n: number) => n + 1, 0);
  return (
    <section className="account">
      <h1>Your account</h1>
      <NameForm />
      <PasswordForm onChanged={changed} />
      <Sessions version={version} onChanged={changed} />
      <SecurityEvents version={version} />
    </section>
  );
}

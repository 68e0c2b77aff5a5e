// /invitations/accept?token=… (the link in the invitation e-mail). Signed out, it asks to sign in or sign
// up first and comes back here; signed in, one click joins the organization with the invited role.
// Accepting takes a click, not just a visit: a link alone must not change anyone's memberships.
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Provider } from 'urql';
import { AcceptInvitationLinkDocument } from '../../../client/generated/graphql.ts';
import { makeClient, useDocumentMutation } from '../api/graphql.ts';
import { useSessionState } from '../auth/session.ts';
import { rememberOrganization } from '../components/organization.ts';
import { ErrorMessage, attempt } from '../components/ui.tsx';

export function AcceptInvitationPage() {
  const state = useSessionState();
  const location = useLocation();
  const here = encodeURIComponent(location.pathname + location.search);
  if (state.status === 'starting') return <p className="loading">Loading…</p>;
  return (
    <main className="auth">
      <h1>Join an organization</h1>
      {state.status === 'signedIn' ? (
        <SignedInAccept />
      ) : (
        <>
          <p>You were invited to an organization on rowgate. Sign in with the e-mail address the invitation was sent to, or create an account with it.</p>
          <p className="actions">
            <Link className="button" to={`/signin?next=${here}`}>
              Sign in to accept
            </Link>
            <Link className="button secondary" to={`/signup?next=${here}`}>
              Create an account
            </Link>
          </p>
        </>
      )}
    </main>
  );
}

function SignedInAccept() {
  const { client, dispose } = useMemo(() => makeClient(undefined), []);
  useEffect(() => dispose, [dispose]);
  return (
    <Provider value={client}>
      <AcceptButton />
    </Provider>
  );
}

function AcceptButton() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const [accept, busy] = useDocumentMutation(AcceptInvitationLinkDocument);
  const [error, setError] = useState<Error>();
  const submit = () =>
    attempt(async () => {
      const organization = (await accept({ token })).acceptInvitation?.result;
      if (organization) {
        rememberOrganization(organization.rowId);
        navigate('/tasks');
      }
    }, setError);
  if (!token) return <p className="error">This link has no invitation token. Open the link from the e-mail again.</p>;
  return (
    <>
      <p>Accept the invitation to join with the role it gives you.</p>
      <ErrorMessage error={error} />
      <button type="button" onClick={submit} disabled={busy}>
        Accept invitation
      </button>
      <p>
        <Link to="/tasks">Not now</Link>
      </p>
    </>
  );
}

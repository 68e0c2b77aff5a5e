// /invitations/accept?token=… (the link in the invitation e-mail). It first says who invites whom to what
// ("Dana invited you to Dana Studio as Developer", from invitationByToken, which answers the token's
// holder, signed in or not). Signed out, it asks to sign in or sign up first and comes back here; signed
// in, one click joins the organization with the invited role. Accepting takes a click, not just a visit:
// a link alone must not change anyone's memberships.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Provider } from 'urql';
import { AcceptInvitationLinkDocument, InvitationPreviewDocument } from '../../../client/generated/graphql.ts';
import { makeClient, useDocumentMutation, useDocumentQuery } from '../api/graphql.ts';
import { useSessionState } from '../auth/session.ts';
import { rememberOrganization } from '../components/organization.ts';
import { ErrorMessage, Loading, attempt, formatTime } from '../components/ui.tsx';

export function AcceptInvitationPage() {
  const state = useSessionState();
  const location = useLocation();
  const here = encodeURIComponent(location.pathname + location.search);
  if (state.status === 'starting') return <p className="loading">Loading…</p>;
  return (
    <main className="auth">
      <h1>Join an organization</h1>
      {/* A client of no organization: with the user's token when signed in, anonymous otherwise. */}
      <WithClient key={state.status}>
        <InvitationSentence />
        {state.status === 'signedIn' ? (
          <AcceptButton />
        ) : (
          <>
            <p>Sign in with the e-mail address the invitation was sent to, or create an account with it.</p>
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
      </WithClient>
    </main>
  );
}

function WithClient({ children }: { children: ReactNode }) {
  const { client, dispose } = useMemo(() => makeClient(undefined), []);
  useEffect(() => dispose, [dispose]);
  return <Provider value={client}>{children}</Provider>;
}

/** Who invites you to what, as what; or that the link names no pending invitation. */
function InvitationSentence() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useDocumentQuery(InvitationPreviewDocument, { token }, !token);
  if (!token) return null;
  if (preview.error) return <ErrorMessage error={preview.error} />;
  if (!preview.data) return <Loading what="the invitation" />;
  const invitation = preview.data.invitationByToken;
  if (!invitation) {
    return (
      <p className="invitation" role="status">
        This link does not name a pending invitation: it may have been used, withdrawn, or have expired. Ask whoever invited you for a new one.
      </p>
    );
  }
  const { organizationName, roleName, invitedByName, email, expiresAt } = invitation;
  return (
    <div className="invitation" role="status">
      <p className="sentence">
        <strong>
          {invitedByName} invited you to {organizationName} as {roleName}
        </strong>
      </p>
      <p>
        The invitation was sent to {email} and is valid until <time dateTime={expiresAt}>{formatTime(expiresAt)}</time>.
      </p>
    </div>
  );
}

function AcceptButton() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const [accept, busy] = useDocumentMutation(AcceptInvitationLinkDocument);
  const [error, setError] = useState<Error>();
  const submit = () =>
    // Busy, the button stays focusable (a disabled one drops the focus) and does nothing.
    !busy &&
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
      <button type="button" onClick={submit} aria-disabled={busy}>
        Accept invitation
      </button>
      <p>
        <Link to="/tasks">Not now</Link>
      </p>
    </>
  );
}

// What happened to the account lately (securityEvents: the database shows each user only their own).
import { useEffect } from 'react';
import { ConsoleSecurityEventsDocument } from '../../../../client/generated/graphql.ts';
import { useDocumentQuery } from '../../api/graphql.ts';
import { ErrorMessage, ScrollRegion, formatTime } from '../../components/ui.tsx';
import { describeAgent } from './agent.ts';

const KINDS: Record<string, string> = {
  signed_in: 'Signed in',
  sign_in_failed: 'Failed sign-in (wrong password)',
  signed_out: 'Signed out',
  session_ended: 'Session signed out from elsewhere',
  refresh_token_reused: 'A stolen or copied session was stopped',
  password_changed: 'Password changed',
  password_reset: 'Password reset by e-mail',
  email_verified: 'E-mail address verified',
};

export function SecurityEvents({ version }: { version: number }) {
  const { data, error, refetch } = useDocumentQuery(ConsoleSecurityEventsDocument, { first: 20 });
  useEffect(() => {
    if (version) refetch();
  }, [version, refetch]);
  const events = data?.currentUser?.securityEvents.nodes ?? [];
  return (
    <>
      <h2>Recent security events</h2>
      <ErrorMessage error={error} />
      <ScrollRegion label="Recent security events">
        <table className="security-events">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">When</th>
              <th scope="col">Network</th>
              <th scope="col">Browser</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.rowId} data-kind={event.kind}>
                <th scope="row">{KINDS[event.kind] ?? event.kind.replaceAll('_', ' ')}</th>
                <td>
                  <time dateTime={event.createdAt}>{formatTime(event.createdAt)}</time>
                </td>
                <td>{event.ip ?? '—'}</td>
                <td title={event.userAgent ?? undefined}>{describeAgent(event.userAgent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

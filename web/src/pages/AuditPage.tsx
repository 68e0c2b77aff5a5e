// The audit log, newest first, with the hash chain's verification (verifyAuditChain) above it; filtered by
// action or actor. Needs audit:read.
import { useState } from 'react';
import { AuditChainStatusDocument, AuditLogListDocument, TaskChoicesDocument, type AuditLogFilter } from '../../../client/generated/graphql.ts';
import { useDocumentQuery } from '../api/graphql.ts';
import { Empty, ErrorMessage, Loading, ScrollRegion, SelectField, TextField, formatTime } from '../components/ui.tsx';

/** The changed fields, shortly: ids and timestamps the row already shows are left out (the title has all). */
function summary(details: unknown): string {
  if (!details || typeof details !== 'object') return '';
  const text = Object.entries(details as Record<string, unknown>)
    .filter(([key]) => key !== 'id' && key !== 'organization_id' && key !== 'created_at' && key !== 'updated_at')
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

export function AuditPage() {
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [after, setAfter] = useState<string>();
  const filter: AuditLogFilter = {
    ...(action.trim() ? { action: { includesInsensitive: action.trim() } } : {}),
    ...(actor ? { actorId: { equalTo: actor } } : {}),
  };
  const log = useDocumentQuery(AuditLogListDocument, { filter, first: 50, after });
  const chain = useDocumentQuery(AuditChainStatusDocument, {});
  const people = useDocumentQuery(TaskChoicesDocument, {});
  const status = chain.data?.verifyAuditChain;
  const connection = log.data?.auditLogs;

  return (
    <section>
      <h1>Audit log</h1>
      <ErrorMessage error={chain.error} retry={chain.refetch} />
      {status && (
        <p className={status.ok ? 'chain ok' : 'chain broken'} role="status">
          {status.ok
            ? `Chain verified: ${status.checked} entries, none changed or missing.`
            : status.brokenSeq != null
              ? `Chain broken at entry ${status.brokenSeq}: an entry was changed or removed after it was written.`
              : `Chain intact, but ${status.setAside} ${status.setAside === 1 ? 'change is' : 'changes are'} missing from it: set aside as unrecordable, waiting for an operator.`}
        </p>
      )}
      <form className="filters" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <TextField label="Action contains" type="search" value={action} onChange={(e) => (setAction(e.target.value), setAfter(undefined))} />
        <SelectField label="Actor" value={actor} onChange={(e) => (setActor(e.target.value), setAfter(undefined))}>
          <option value="">Anyone</option>
          {(people.data?.organizationMemberships?.nodes ?? []).map((m) =>
            m.user ? (
              <option key={m.user.rowId} value={m.user.rowId}>
                {m.user.name}
              </option>
            ) : null,
          )}
        </SelectField>
      </form>
      <ErrorMessage error={log.error} retry={log.refetch} />
      {!connection && log.fetching && <Loading what="the audit log" />}
      {connection?.nodes.length === 0 && <Empty>{action.trim() || actor ? 'No entry matches these filters.' : 'Nothing has been recorded yet.'}</Empty>}
      {!!connection?.nodes.length && (
        <ScrollRegion label="Audit log entries">
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Resource</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {connection.nodes.map((entry) => (
                <tr key={entry.rowId}>
                  <td>{entry.seq}</td>
                  <td>
                    <time dateTime={entry.createdAt}>{formatTime(entry.createdAt)}</time>
                  </td>
                  <td>{entry.actor?.name ?? (entry.actorId ? 'a former member' : 'system')}</td>
                  <th scope="row">{entry.action}</th>
                  <td>
                    {entry.resourceType} <code>{entry.resourceId.slice(0, 8)}</code>
                  </td>
                  <td>
                    <code className="details" title={JSON.stringify(entry.details, null, 2)}>
                      {summary(entry.details)}
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {connection?.pageInfo.hasNextPage && (
        <button type="button" className="secondary" onClick={() => setAfter(connection.pageInfo.endCursor ?? undefined)}>
          Older entries
        </button>
      )}
    </section>
  );
}

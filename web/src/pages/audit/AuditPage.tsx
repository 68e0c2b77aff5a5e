// The audit log, newest first, with the hash chain's verification (verifyAuditChain) above it; filtered by
// action or actor. Needs audit:read. Entries are told in words: who, what happened to which object (named,
// and linked where the console has a page for it), and what changed, with names instead of ids.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { AuditChainStatusDocument, AuditLogListDocument, RoleListDocument, TaskChoicesDocument, TaskLinkChoicesDocument, type AuditLogFilter } from '../../../../client/generated/graphql.ts';
import { useDocumentQuery } from '../../api/graphql.ts';
import { useCan } from '../../components/organization.ts';
import { Empty, ErrorMessage, Loading, ScrollRegion, SelectField, TextField, formatTime } from '../../components/ui.tsx';
import { describeEntry, type Names } from './words.ts';

export function AuditPage() {
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [after, setAfter] = useState<string>();
  const filter: AuditLogFilter = {
    ...(action.trim() ? { action: { includesInsensitive: action.trim() } } : {}),
    ...(actor ? { actorId: { equalTo: actor } } : {}),
  };
  const can = useCan();
  const log = useDocumentQuery(AuditLogListDocument, { filter, first: 50, after });
  const chain = useDocumentQuery(AuditChainStatusDocument, {});
  const people = useDocumentQuery(TaskChoicesDocument, {});
  const roles = useDocumentQuery(RoleListDocument, {}, !can('roles:read'));
  const status = chain.data?.verifyAuditChain;
  const connection = log.data?.auditLogs;
  // Tasks named by id only (an update records just what changed): their titles, as far as the user may read them.
  const taskIds = useMemo(() => [...new Set((connection?.nodes ?? []).filter((e) => e.resourceType === 'task').map((e) => e.resourceId))].sort(), [connection]);
  const titles = useDocumentQuery(TaskLinkChoicesDocument, { filter: { rowId: { in: taskIds } } }, !can('tasks:read') || taskIds.length === 0);
  const names: Names = {
    users: new Map((people.data?.organizationMemberships?.nodes ?? []).flatMap((m) => (m.user ? [[m.user.rowId, m.user.name] as const] : []))),
    teams: new Map((people.data?.teams?.nodes ?? []).map((t) => [t.rowId, t.name] as const)),
    roles: new Map((roles.data?.roles?.nodes ?? []).map((r) => [r.rowId, r.name] as const)),
    tasks: new Map((titles.data?.tasks?.nodes ?? []).map((t) => [t.rowId, t.title] as const)),
  };

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
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Which</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {connection.nodes.map((entry) => {
                const told = describeEntry(entry, names);
                return (
                  <tr key={entry.rowId} data-action={entry.action}>
                    <td>{entry.seq}</td>
                    <td>
                      <time dateTime={entry.createdAt}>{formatTime(entry.createdAt)}</time>
                    </td>
                    <td>{entry.actor?.name ?? (entry.actorId ? 'a former member' : 'the system')}</td>
                    <th scope="row" title={entry.action}>
                      {told.what}
                    </th>
                    <td>{told.page ? <Link to={told.page}>{told.which}</Link> : told.which}</td>
                    <td className="details" title={JSON.stringify(entry.details, null, 2)}>
                      {told.details}
                    </td>
                  </tr>
                );
              })}
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

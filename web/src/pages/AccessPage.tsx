// Who can do what here, at a glance: each member's effective permissions as the database computes them
// for its own policies (organizationMembership.effectivePermissions; needs roles:assign).
import { useState } from 'react';
import { MemberAccessDocument } from '../../../client/generated/graphql.ts';
import { useDocumentQuery } from '../api/graphql.ts';
import { ErrorMessage, Loading, ScrollRegion } from '../components/ui.tsx';

export function AccessPage() {
  const [after, setAfter] = useState<string>();
  const access = useDocumentQuery(MemberAccessDocument, { first: 50, after });
  const catalog = access.data?.permissions?.nodes ?? [];
  const connection = access.data?.organizationMemberships;
  return (
    <section>
      <h1>Access</h1>
      <p>What each member may do in this organization, through all of their roles. The database answers with the rule its policies use.</p>
      <ErrorMessage error={access.error} retry={access.refetch} />
      {!connection && access.fetching && <Loading what="permissions" />}
      {connection && (
        <ScrollRegion label="Permissions by member">
          <table className="matrix">
            <thead>
              <tr>
                <th scope="col">Member</th>
                {catalog.map((p) => (
                  <th key={p.name} scope="col" title={p.description}>
                    <span>{p.name}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {connection.nodes.map((member) => {
                const held = new Set(member.effectivePermissions ?? []);
                return (
                  <tr key={member.rowId} data-member={member.user?.rowId}>
                    <th scope="row">{member.user?.name}</th>
                    {catalog.map((p) => (
                      <td key={p.name} className={held.has(p.name) ? 'yes' : 'no'} aria-label={`${member.user?.name} ${held.has(p.name) ? 'may' : 'may not'} ${p.name}`}>
                        {held.has(p.name) ? '✓' : ''}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {connection?.pageInfo.hasNextPage && (
        <button type="button" className="secondary" onClick={() => setAfter(connection.pageInfo.endCursor ?? undefined)}>
          Next page
        </button>
      )}
    </section>
  );
}

// Who must be asking, judged by the root fields an operation selects, before it runs:
//   - anonymous callers may ask only about themselves (currentUser, currentUserPermissions: both empty),
//     read the invitation whose token they hold (invitationByToken) and accept an invitation (which then
//     asks them to sign in). Everything else the database would
//     refuse anyway (app_anonymous holds no grant on any table), but only after planning and compiling
//     the whole operation, which an anonymous caller should not get to make the server do: refused
//     first, PERMISSION_DENIED as the database would have said;
//   - an organization-scoped operation sent without X-Organization-Id is refused with
//     ORGANIZATION_REQUIRED. Without it RLS would answer an empty list or a bare PERMISSION_DENIED, which
//     reads like "you have nothing" or "you may not" rather than "you did not say where". The fields of
//     ORGANIZATION_FREE work without one: they are about the signed-in user (their security events too), every organization they
//     belong to, the permission catalog, or an invitation by its token; every other root field (all of an organization's tables,
//     inviting) needs it.
// Relay's `query` field is the Query type again: what is selected under it counts as selected at the root.
import { GraphQLError, Kind, getOperationAST, type DocumentNode, type SelectionSetNode } from 'postgraphile/graphql';
import { fastifyRequestOf } from '../request-context.ts';

const ANONYMOUS_FIELDS = new Set(['__typename', '__schema', '__type', 'currentUser', 'currentUserPermissions', 'invitationByToken', 'acceptInvitation']);

const ORGANIZATION_FREE = new Set([
  '__typename',
  '__schema',
  '__type',
  'id',
  'node',
  'currentUser',
  'currentUserPermissions',
  'organizations',
  'organization',
  'organizationById',
  'organizationBySlug',
  'permissions',
  'permission',
  'permissionById',
  'users',
  'user',
  'userById',
  'securityEvents',
  'securityEvent',
  'securityEventById',
  'invitationByToken',
  'acceptInvitation',
  'createOrganization',
  'updateOrganization',
  'updateOrganizationById',
  'updateOrganizationBySlug',
  'deleteOrganization',
  'deleteOrganizationById',
  'deleteOrganizationBySlug',
  'updateUser',
  'updateUserById',
]);

/** The root fields an operation selects (through fragments and `query` too), in order. */
function rootFields(document: DocumentNode, selectionSet: SelectionSetNode, into: string[] = []): string[] {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === 'query' && selection.selectionSet) rootFields(document, selection.selectionSet, into);
      else into.push(selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) rootFields(document, selection.selectionSet, into);
    else {
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) rootFields(document, fragment.selectionSet, into);
    }
  }
  return into;
}

const refusal = (message: string, code: string) => ({ errors: [new GraphQLError(message, { extensions: { code } })] });

/** "tasks needs" / "tasks, teams need": the fields named once each, with the verb agreeing. */
const fieldsThat = (fields: string[], one: string, many: string) => {
  const names = [...new Set(fields)];
  return `${names.join(', ')} ${names.length > 1 ? many : one}`;
};

export const CallerRequiredPlugin: GraphileConfig.Plugin = {
  name: 'RowgateCallerRequiredPlugin',
  version: '1.0.0',
  grafast: {
    middleware: {
      execute(next, event) {
        const { document, operationName, requestContext } = event.args;
        const request = fastifyRequestOf(requestContext);
        if (!request) return next();
        const operation = getOperationAST(document, operationName);
        const fields = operation ? rootFields(document, operation.selectionSet) : [];
        const signedIn = request.auth ? [] : fields.filter((name) => !ANONYMOUS_FIELDS.has(name));
        if (signedIn.length) {
          return refusal(`${fieldsThat(signedIn, 'needs', 'need')} a signed-in user: send Authorization: Bearer <access token>`, 'PERMISSION_DENIED');
        }
        const scoped = request.organizationId ? [] : fields.filter((name) => !ORGANIZATION_FREE.has(name));
        if (scoped.length) {
          return refusal(`${fieldsThat(scoped, 'works', 'work')} inside an organization: send its id in the X-Organization-Id header`, 'ORGANIZATION_REQUIRED');
        }
        return next();
      },
    },
  },
};

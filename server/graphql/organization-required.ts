// An organization-scoped operation sent without X-Organization-Id is refused with ORGANIZATION_REQUIRED,
// before it runs. Without it RLS would answer an empty list or a bare PERMISSION_DENIED, which reads like
// "you have nothing" or "you may not" rather than "you did not say where". The fields below work without
// one: they are about the signed-in user, every organization they belong to, or the permission catalog;
// every other root field (all of an organization's tables, inviting) needs it.
import type { FastifyRequest } from 'fastify';
import { GraphQLError, Kind, getOperationAST, type DocumentNode, type SelectionSetNode } from 'postgraphile/graphql';

const ORGANIZATION_FREE = new Set([
  '__typename',
  '__schema',
  '__type',
  'query',
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

/** The root fields an operation selects (through fragments too), in order. */
function rootFields(document: DocumentNode, selectionSet: SelectionSetNode, into: string[] = []): string[] {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) into.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFields(document, selection.selectionSet, into);
    else {
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) rootFields(document, fragment.selectionSet, into);
    }
  }
  return into;
}

export const OrganizationRequiredPlugin: GraphileConfig.Plugin = {
  name: 'RowgateOrganizationRequiredPlugin',
  version: '1.0.0',
  grafast: {
    middleware: {
      execute(next, event) {
        const { document, operationName, requestContext } = event.args;
        const request = requestContext?.fastifyv5?.request as FastifyRequest | undefined;
        if (!request || request.organizationId) return next();
        const operation = getOperationAST(document, operationName);
        const scoped = operation ? rootFields(document, operation.selectionSet).filter((name) => !ORGANIZATION_FREE.has(name)) : [];
        if (!scoped.length) return next();
        return {
          errors: [
            new GraphQLError(`${scoped.join(', ')} ${scoped.length > 1 ? 'work' : 'works'} inside an organization: send its id in the X-Organization-Id header`, {
              extensions: { code: 'ORGANIZATION_REQUIRED' },
            }),
          ],
        };
      },
    },
  },
};

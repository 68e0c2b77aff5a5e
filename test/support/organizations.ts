// "An organization with members" for the HTTP suites, made the way users make one: its admin signs up and
// creates it through GraphQL (the database then gives it the system roles); members join with a system
// role or a custom one, written straight into the database (inviting everyone would test invitations
// everywhere, not the suite's subject).
import { randomBytes } from 'node:crypto';
import { addMember } from '../../db/tenant-data.ts';
import { CreateOrganizationDocument } from '../generated/graphql.ts';
import { dataOf, gql, register, type Caller, type Session, type TestServer } from './server.ts';

export interface Organization {
  id: string;
  slug: string;
  admin: Session;
  /** The system roles' ids. */
  roles: { Admin: string; Developer: string; Viewer: string };
}

/** A new organization named `label` (its slug made unique), created by `admin`: a newly registered user unless given. */
export async function createOrganization(server: TestServer, label: string, admin?: Session): Promise<Organization> {
  admin ??= await register(server, `Admin ${label}`);
  const slug = `${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(4).toString('hex')}`;
  const id = dataOf(await gql(server, CreateOrganizationDocument, { name: `Org ${label}`, slug }, { token: admin.accessToken })).createOrganization!.organization!.rowId;
  const { rows } = await server.db.pool.query<{ id: string; name: keyof Organization['roles'] }>('select id, name from app_public.roles where organization_id = $1 and is_system', [id]);
  return { id, slug, admin, roles: Object.fromEntries(rows.map((r) => [r.name, r.id])) as Organization['roles'] };
}

/** A custom role of `organizationId` holding `permissions`; its id. */
export async function customRole(server: TestServer, organizationId: string, permissions: string[], name = `Custom ${randomBytes(4).toString('hex')}`): Promise<string> {
  const { rows } = await server.db.pool.query<{ id: string }>('insert into app_public.roles (organization_id, name, permissions) values ($1, $2, $3) returning id', [organizationId, name, permissions]);
  return rows[0].id;
}

/** Makes `user` a member of the organization with the role `roleId`. */
export async function join(server: TestServer, organizationId: string, user: Pick<Session, 'user'>, roleId: string): Promise<void> {
  const client = await server.db.pool.connect();
  try {
    await addMember(client, organizationId, user.user.id, roleId);
  } finally {
    client.release();
  }
}

/** A newly registered member of `organization` with `role`: a role id, or the permissions of a new custom role. */
export async function member(server: TestServer, organization: Pick<Organization, 'id'>, role: string | string[], name = 'Member'): Promise<Session> {
  const session = await register(server, name);
  await join(server, organization.id, session, Array.isArray(role) ? await customRole(server, organization.id, role) : role);
  return session;
}

/** How `session` calls the API inside `organization`. */
export const as = (session: Session, organization: Pick<Organization, 'id'>): Caller => ({ token: session.accessToken, organizationId: organization.id });

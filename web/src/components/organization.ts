// The organization the console works in, and what the signed-in user may do there
// (currentUserPermissions: the database's answer, wildcards expanded).
import { createContext, useContext } from 'react';

export interface Organization {
  rowId: string;
  name: string;
  slug: string;
}

export interface OrganizationState {
  organizations: Organization[];
  current: Organization | undefined;
  permissions: ReadonlySet<string>;
  user: { rowId: string; name: string; email: string; emailVerified?: boolean | null } | undefined;
  switchTo(organizationId: string): void;
  /** Reads the organizations and permissions again (after creating or joining one). */
  reload(): void;
}

export const OrganizationContext = createContext<OrganizationState | undefined>(undefined);

export function useOrganization(): OrganizationState {
  const state = useContext(OrganizationContext);
  if (!state) throw new Error('useOrganization outside the Shell');
  return state;
}

/** Whether the user holds the permission here. The database still decides; this decides what to offer. */
export function useCan(): (permission: string) => boolean {
  const { permissions } = useOrganization();
  return (permission) => permissions.has(permission);
}

const STORAGE_KEY = 'rowgate.organization';
export const rememberedOrganization = () => localStorage.getItem(STORAGE_KEY) ?? undefined;
export const rememberOrganization = (id: string) => localStorage.setItem(STORAGE_KEY, id);

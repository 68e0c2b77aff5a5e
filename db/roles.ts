// The database roles rowgate creates; names are fixed because policies and grants in migrations name them.
export const ROLES = {
  /** Owns the database, schemas and tables; runs migrations. Not superuser, subject to forced RLS. */
  owner: 'rowgate_owner',
  /** Owns the SECURITY DEFINER helpers; NOLOGIN and BYPASSRLS so policies can look up permissions. */
  definer: 'rowgate_definer',
  /** The API's login: NOINHERIT, may only SET ROLE to app_anonymous or app_user. */
  authenticator: 'rowgate_authenticator',
  /** graphile-worker's login: writes audit rows and nothing else. */
  worker: 'rowgate_worker',
  anonymous: 'app_anonymous',
  user: 'app_user',
} as const;

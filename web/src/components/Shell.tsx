// The signed-in frame: the organization switcher, the pages the user's permissions offer, and sign out.
// Each organization gets a GraphQL client of its own (see api/graphql.ts): switching organizations
// switches clients, so nothing read in one organization is ever shown in another.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { Provider } from 'urql';
import { ConsoleSessionDocument } from '../../../client/generated/graphql.ts';
import { makeClient, useDocumentQuery, type OrganizationClient } from '../api/graphql.ts';
import { session } from '../auth/session.ts';
import { ErrorMessage, Loading } from './ui.tsx';
import { VerifyBanner } from './VerifyBanner.tsx';
import { OrganizationContext, rememberOrganization, rememberedOrganization, type OrganizationState } from './organization.ts';

/** Pages about the user rather than an organization: open before joining one. */
const WITHOUT_ORGANIZATION = ['/organizations/new', '/account'];

const PAGES = [
  { to: '/tasks', label: 'Tasks', needs: ['tasks:read'] },
  { to: '/teams', label: 'Teams', needs: ['teams:read'] },
  { to: '/members', label: 'Members', needs: ['users:read'] },
  { to: '/roles', label: 'Roles', needs: ['roles:read'] },
  { to: '/access', label: 'Access', needs: ['users:read', 'roles:assign'] },
  { to: '/audit', label: 'Audit log', needs: ['audit:read'] },
];

export function Shell() {
  const [organizationId, setOrganizationId] = useState(rememberedOrganization);
  const { client, dispose, onAccessEnded } = useMemo(() => makeClient(organizationId), [organizationId]);
  useEffect(() => dispose, [dispose]);
  const switchTo = (id: string) => {
    rememberOrganization(id);
    setOrganizationId(id);
  };
  return (
    <Provider value={client} key={organizationId ?? 'none'}>
      <Frame organizationId={organizationId} switchTo={switchTo} onAccessEnded={onAccessEnded} />
    </Provider>
  );
}

/** How often a visible tab reads its permissions again; see useLivePermissions. */
const PERMISSIONS_RECHECK_MS = 5000;

/**
 * What the user may do here changes while the tab is open (a role given or taken by an Admin). The server
 * closes the live task list's socket when reading tasks is no longer allowed (4403) or the session ended
 * (4401): the permissions are read again at once. A change that leaves reading allowed (a Developer made a
 * Viewer) ends no socket, so a visible tab also reads them every few seconds and whenever it is shown
 * again. This only decides what is offered; the database decides what is done.
 */
function useLivePermissions(refetch: () => void, onAccessEnded: OrganizationClient['onAccessEnded']) {
  useEffect(() => onAccessEnded(refetch), [onAccessEnded, refetch]);
  useEffect(() => {
    const ifVisible = () => document.visibilityState === 'visible' && refetch();
    const timer = setInterval(ifVisible, PERMISSIONS_RECHECK_MS);
    document.addEventListener('visibilitychange', ifVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', ifVisible);
    };
  }, [refetch]);
}

function Frame({
  organizationId,
  switchTo,
  onAccessEnded,
}: {
  organizationId: string | undefined;
  switchTo(id: string): void;
  onAccessEnded: OrganizationClient['onAccessEnded'];
}) {
  const { data, error, refetch } = useDocumentQuery(ConsoleSessionDocument, {});
  useLivePermissions(refetch, onAccessEnded);
  const location = useLocation();
  // The permissions are read again every few seconds, each time as a new object: the pages re-render only
  // when what it says changed (`answer` stands for `data` in the dependencies).
  const answer = JSON.stringify(data ?? null);
  const state: OrganizationState = useMemo(() => {
    const organizations = data?.organizations?.nodes ?? [];
    const current = organizations.find((o) => o.rowId === organizationId);
    return {
      organizations,
      current,
      permissions: new Set(current ? (data?.currentUserPermissions ?? []) : []),
      user: data?.currentUser ?? undefined,
      switchTo,
      reload: refetch,
    };
  }, [answer, organizationId, switchTo, refetch]);
  const { organizations, current } = state;

  // A remembered organization the user left (or none yet): the first one they belong to.
  useEffect(() => {
    if (data && !current && organizations.length) switchTo(organizations[0].rowId);
  }, [data, current, organizations, switchTo]);

  const pages = PAGES.filter((page) => page.needs.every((p) => state.permissions.has(p)));

  // A sign-out the server did not confirm is said, and the user stays signed in to try again. A done one
  // needs no navigation here: the signed-in routes send a signed-out visitor to sign in (App.tsx), and a
  // second navigation of our own could land after the user had already moved on.
  const [signOutError, setSignOutError] = useState<Error>();
  const signOut = async () => {
    setSignOutError(undefined);
    try {
      await session.signOut();
    } catch (failure) {
      setSignOutError(new Error(`Could not sign out: ${(failure as Error).message}`));
    }
  };

  return (
    <OrganizationContext.Provider value={state}>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="bar">
        <Link to="/" className="brand">
          rowgate
        </Link>
        <Menu>
          {organizations.length > 0 && (
            <div className="switcher">
              <label htmlFor="organization-switcher">Organization</label>
              <select id="organization-switcher" value={current?.rowId ?? ''} onChange={(event) => switchTo(event.target.value)}>
                {organizations.map((o) => (
                  <option key={o.rowId} value={o.rowId}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <nav aria-label="Pages">
            {pages.map((page) => (
              <NavLink key={page.to} to={page.to}>
                {page.label}
              </NavLink>
            ))}
            <NavLink to="/organizations/new">New organization</NavLink>
          </nav>
          <span className="who">{state.user?.name}</span>
          {/* Beside the name rather than among the pages: it is about the user, not the organization. */}
          <NavLink to="/account" className="account-link">
            Account
          </NavLink>
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </Menu>
      </header>
      <main id="main" tabIndex={-1}>
        {state.user && data?.currentUser?.emailVerified === false && <VerifyBanner email={state.user.email} />}
        <ErrorMessage error={signOutError} />
        <ErrorMessage error={error} />
        {data && !current && !WITHOUT_ORGANIZATION.includes(location.pathname) ? (
          <section className="welcome">
            <h1>Welcome{state.user ? `, ${state.user.name}` : ''}</h1>
            <p>You do not belong to an organization yet. Create one, or open an invitation link you were sent.</p>
            <Link className="button" to="/organizations/new">
              Create an organization
            </Link>
          </section>
        ) : data ? (
          <Outlet />
        ) : (
          <Loading what="your organizations" />
        )}
      </main>
    </OrganizationContext.Provider>
  );
}

/** The skip link moves the focus itself: a fragment link alone would also change the router's location. */
function skipToMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/**
 * The header's organization switcher, pages and account controls: in the bar on wide screens, behind a
 * Menu button on narrow ones (styles.css decides which; the button is hidden where the bar has room). A
 * disclosure rather than an ARIA menu: these are links and a form control, read and tabbed as such.
 * Escape closes it and gives the focus back to the button; following a link closes it and puts the
 * focus on the page that opened.
 */
function Menu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const opened = useRef(open);
  opened.current = open;
  useEffect(() => {
    if (!opened.current) return;
    setOpen(false);
    document.getElementById('main')?.focus();
  }, [location.pathname]);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <button
        type="button"
        ref={button}
        className="menu-toggle secondary"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpen(!open)}
        onKeyDown={closeOnEscape}
      >
        Menu
      </button>
      <div id="site-menu" className={open ? 'menu open' : 'menu'} onKeyDown={closeOnEscape}>
        {children}
      </div>
    </>
  );
}

// GraphiQL (Ruru, development only) with a sign-in panel: e-mail and password, then an organization, and
// every request GraphiQL sends to /graphql carries `Authorization` and `X-Organization-Id` (a header the
// developer writes in GraphiQL's own header editor wins). The access token is kept fresh a minute before
// it expires, from the HttpOnly refresh cookie (the console's way: `X-Refresh-Cookie: 1`), and survives a
// reload the same way; nothing is written to storage but the chosen organization. Subscriptions take
// their credentials from the header editor, as before.

const PANEL = `
<form id="rowgate-sign-in" aria-label="GraphiQL sign-in" style="position:fixed;right:12px;bottom:12px;z-index:1000;display:flex;gap:6px;align-items:center;padding:8px;border-radius:6px;background:#1f2430;color:#eee;font:13px system-ui,sans-serif;box-shadow:0 2px 8px #0006">
  <span role="status" id="rowgate-status">Anonymous</span>
  <span data-when="signed-out">
    <label>E-mail <input name="email" type="email" autocomplete="username" size="18"></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" size="12"></label>
    <button type="submit">Sign in</button>
  </span>
  <span data-when="signed-in" hidden>
    <label for="rowgate-organization">Organization</label> <select id="rowgate-organization" name="organization"></select>
    <button type="button" name="signOut">Sign out</button>
  </span>
</form>`;

// Runs in the browser, before Ruru: it wraps fetch, which Ruru's fetcher then uses.
const SCRIPT = `
<script>
(() => {
  const ORGANIZATION = 'rowgate.graphiql.organization';
  const state = { token: undefined, organization: sessionStorage.getItem(ORGANIZATION) || '', timer: undefined };
  const plainFetch = window.fetch.bind(window);
  const toGraphQL = (input) => new URL(typeof input === 'string' || input instanceof URL ? input : input.url, location.href).pathname === '/graphql';
  window.fetch = (input, init = {}) => {
    if (state.token && toGraphQL(input)) {
      const headers = new Headers(init.headers || (input instanceof Request ? input.headers : undefined));
      if (!headers.has('authorization')) headers.set('authorization', 'Bearer ' + state.token);
      if (state.organization && !headers.has('x-organization-id')) headers.set('x-organization-id', state.organization);
      init = { ...init, headers };
    }
    return plainFetch(input, init);
  };
  const auth = (path, body, token) => plainFetch('/auth/' + path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-refresh-cookie': '1', ...(token ? { authorization: 'Bearer ' + token } : {}) },
    body: JSON.stringify(body),
  });
  const form = () => document.getElementById('rowgate-sign-in');
  function show(text, signedIn) {
    const f = form();
    document.getElementById('rowgate-status').textContent = text;
    for (const part of f.querySelectorAll('[data-when]')) part.hidden = (part.dataset.when === 'signed-in') !== signedIn;
  }
  async function organizations() {
    const response = await window.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ organizations(first: 100) { nodes { rowId name } } }' }) });
    const nodes = (await response.json()).data?.organizations?.nodes ?? [];
    const select = form().elements.organization;
    select.replaceChildren(new Option('(none)', ''), ...nodes.map((o) => new Option(o.name, o.rowId)));
    if (!nodes.some((o) => o.rowId === state.organization)) state.organization = nodes[0]?.rowId ?? '';
    select.value = state.organization;
    sessionStorage.setItem(ORGANIZATION, state.organization);
  }
  async function signedIn(tokens, text) {
    state.token = tokens.accessToken;
    clearTimeout(state.timer);
    state.timer = setTimeout(refresh, Math.max(5, tokens.expiresIn - 60) * 1000);
    if (text) show(text, true);
    await organizations();
  }
  function signedOut(text) {
    state.token = undefined;
    clearTimeout(state.timer);
    show(text, false);
  }
  async function refresh() {
    const response = await auth('refresh', {}).catch(() => undefined);
    if (response?.ok) await signedIn(await response.json(), state.token ? undefined : 'Signed in');
    else if (state.token) signedOut('Session ended: sign in again');
  }
  document.addEventListener('DOMContentLoaded', () => {
    const f = form();
    f.addEventListener('submit', async (event) => {
      event.preventDefault();
      const email = f.elements.email.value;
      const response = await auth('login', { email, password: f.elements.password.value });
      f.elements.password.value = '';
      if (!response.ok) return signedOut((await response.json()).error?.message ?? 'Sign-in failed');
      await signedIn(await response.json(), 'Signed in as ' + email);
    });
    f.elements.organization.addEventListener('change', () => {
      state.organization = f.elements.organization.value;
      sessionStorage.setItem(ORGANIZATION, state.organization);
    });
    f.elements.signOut.addEventListener('click', async () => {
      await auth('logout', {}, state.token).catch(() => undefined);
      signedOut('Signed out');
    });
    // A reload keeps the session: the refresh cookie is still there.
    void refresh();
  });
})();
</script>`;

export const GraphiQLSignInPreset: GraphileConfig.Preset = {
  ruru: {
    htmlParts: {
      headerScripts: (original: string) => original + SCRIPT,
      bodyContent: (original: string) => original + PANEL,
    },
  },
};

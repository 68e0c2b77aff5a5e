// How the server hands out the web console (server/console.ts): from its own origin, index.html always
// revalidated, hashed assets cached for a year, the console's own routes for browsers, JSON 404s for
// everything else; GET /graphql sends a browser to GraphiQL (development) or the console (production).
// npm test builds web/dist before the suites run.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { http, startTestServer, type TestServer } from '../support/server.ts';
import { productionKey } from '../support/keys.ts';

const HTML = { accept: 'text/html,application/xhtml+xml' };
let server: TestServer;
let prod: TestServer;

beforeAll(async () => {
  [server, prod] = await Promise.all([
    startTestServer(),
    startTestServer({ NODE_ENV: 'production', JWT_PRIVATE_KEY: await productionKey(), CORS_ORIGINS: 'https://app.example' }),
  ]);
});
afterAll(async () => {
  await server?.close();
  await prod?.close();
});

describe('the console', () => {
  test('/ is its index.html, never cached without revalidation', async () => {
    for (const on of [server, prod]) {
      const response = await http(on, 'GET', '/', { headers: HTML });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.body).toContain('<div id="root"></div>');
    }
  });

  test('its hashed assets are cached for a year, immutable', async () => {
    const index = (await http(server, 'GET', '/')).body as string;
    const assets = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2); // the script and the stylesheet
    for (const asset of assets) {
      const response = await http(server, 'GET', asset);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('cache-control'), asset).toBe('public, max-age=31536000, immutable');
    }
    expect(fs.readdirSync(new URL('../../web/dist/assets/', import.meta.url)).length).toBe(assets.length);
  });

  test('a browser opening one of its pages (or an unknown one) gets the console; an API client gets a JSON 404', async () => {
    for (const pathname of ['/tasks', '/invitations/accept?token=abc', '/no-such-page']) {
      const response = await http(server, 'GET', pathname, { headers: HTML });
      expect(response.status, pathname).toBe(200);
      expect(response.body, pathname).toContain('<div id="root"></div>');
    }
    const api = await http(server, 'GET', '/no-such-page');
    expect(api.status).toBe(404);
    expect(api.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such endpoint' } });
  });

  test('in production it is served under a content security policy that allows only its own origin', async () => {
    const response = await http(prod, 'GET', '/', { headers: HTML });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
  });
});

describe('GET /graphql', () => {
  test('a browser is sent to GraphiQL in development and to the console in production', async () => {
    const dev = await fetch(`${server.url}/graphql`, { headers: HTML, redirect: 'manual' });
    expect(dev.status).toBe(302);
    expect(dev.headers.get('location')).toBe('/graphiql');
    const production = await fetch(`${prod.url}/graphql`, { headers: HTML, redirect: 'manual' });
    expect(production.headers.get('location')).toBe('/');
  });

  test('anything else is a GraphQL request over GET: without a query, 400 VALIDATION_FAILED', async () => {
    const response = await http(server, 'GET', '/graphql');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('VALIDATION_FAILED');
  });
});

describe('the refresh cookie in production', () => {
  test('is also Secure', async () => {
    const response = await http(prod, 'POST', '/auth/register', {
      body: { email: 'secure@example.test', password: 'correct horse battery', name: 'Secure' },
      headers: { 'x-refresh-cookie': '1' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie().find((c) => c.startsWith('rowgate_refresh='))).toMatch(/; Secure/);
  });
});

// What every browser test file sets up the same way: one test server and one Chromium for the file, tabs
// on the console opened through `tab()`, and after each test every such tab checked (no uncaught error in
// its pages) and closed.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser } from '../../test/support/browser.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { openConsole, type ConsoleOptions, type ConsoleTab } from './driver.ts';

export interface ConsoleSuite {
  /** The file's server; there from its beforeAll on. */
  readonly server: TestServer;
  /** The file's browser; there from its beforeAll on. */
  readonly browser: Browser;
  /** A new tab on the console of `on` (the file's server unless given), checked and closed after the test. */
  tab(options?: ConsoleOptions & { on?: TestServer }): Promise<ConsoleTab>;
  /** Closes the test's tabs now, unchecked: before a server of the test's own closes under them. */
  closeTabs(): Promise<void>;
}

/**
 * Registers the file's hooks. `env` overrides the server's configuration; the worker runs beside it (for
 * the mails and the audit log) unless `worker` is false; `sameOriginOnly` also checks that no page
 * requested anything from an origin but the server's.
 */
export function consoleSuite({ env = {}, worker = true, sameOriginOnly = false }: { env?: Record<string, string>; worker?: boolean; sameOriginOnly?: boolean } = {}): ConsoleSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const tabs: ConsoleTab[] = [];
  const closeTabs = async () => {
    await Promise.all(tabs.splice(0).map((t) => t.context.close()));
  };

  beforeAll(async () => {
    server = await startTestServer(env, { worker });
    browser = await launchBrowser();
  }, 120_000);

  afterEach(async () => {
    for (const { errors, requests } of tabs) {
      expect(errors).toEqual([]);
      if (sameOriginOnly) expect(requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== new URL(suite.server.url).origin)).toEqual([]);
    }
    await closeTabs();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const suite: ConsoleSuite = {
    get server() {
      if (!server) throw new Error('The test server starts in beforeAll: read it inside a hook or a test.');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('The browser starts in beforeAll: read it inside a hook or a test.');
      return browser;
    },
    async tab({ on = suite.server, ...options } = {}) {
      const opened = await openConsole(suite.browser, on.url, options);
      tabs.push(opened);
      return opened;
    },
    closeTabs,
  };
  return suite;
}

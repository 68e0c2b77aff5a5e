// `npm run screenshots`: the console's main pages, rendered by the real browser on the real server and
// written to docs/screenshots (the README shows them). Not part of npm test: the pictures change only
// when the console does.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: `${import.meta.dirname}/../..`,
    include: ['web/screenshots/take-screenshots.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

// The import graph's rules, checked by `npm run lint:imports` (and in `npm test`): no circles, and
// arrows only downwards: the console reaches the API only through client/, the database layer knows
// nothing above it, operations code (metrics, health) does not depend on the GraphQL layer, and no
// product code imports tests or the benchmark.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'An import circle: split out what both sides need.', from: {}, to: { circular: true } },
    {
      name: 'console-only-through-client',
      severity: 'error',
      comment: 'The console talks to the API through client/ (the typed documents), never to server, db or worker code.',
      from: { path: '^web/src/' },
      to: { path: '^(server|db|worker|bench|test)/' },
    },
    { name: 'db-knows-nothing-above', severity: 'error', comment: 'db/ is the bottom layer.', from: { path: '^db/' }, to: { path: '^(server|worker|web|client|bench)/' } },
    { name: 'ops-not-graphql', severity: 'error', comment: 'Operations code (metrics, health) must not depend on the GraphQL layer.', from: { path: '^server/ops/' }, to: { path: '^server/graphql/' } },
    {
      name: 'product-not-tests',
      severity: 'error',
      comment: 'Product code never imports tests or the benchmark.',
      from: { path: '^(server|db|worker|client|web/src)/' },
      to: { path: '^(test|bench|web/test)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    parser: 'swc', // dependency-cruiser cannot read TypeScript 7's compiler API
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};

/**
 * Architecture rules, checked in CI (after Sairyss/domain-driven-hexagon's .dependency-cruiser.js):
 * the domain is pure, apps do not import apps, libraries are entered only through their index.
 */
// Resolved paths of third-party modules run through node_modules.
const ENGINES = 'node_modules/(better-sqlite3|kafkajs|mongodb|pg|@kurrent|@eventstore|fastify|@fastify|body-parser)/';
const NEST = 'node_modules/@nestjs/';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Deciders know no framework, no engine, no adapter, no transport.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: {
        path: [ENGINES, NEST, '^libs/(ports|adapters-[^/]+|http|command-handling|embedded-system)/', '^libs/[^/]+/src/(application|http)/'],
      },
    },
    {
      name: 'catalogue-and-kernel-are-pure',
      comment: 'The event catalogue and the decider kernel are shared by every engine: no engine, no Nest.',
      severity: 'error',
      from: { path: '^libs/(event-catalogue|decider)/' },
      to: { path: [ENGINES, NEST] },
    },
    {
      name: 'ports-know-no-engine',
      severity: 'error',
      from: { path: '^libs/ports/' },
      to: { path: [ENGINES, '^libs/adapters-'] },
    },
    {
      name: 'contexts-know-no-engine',
      comment: 'The contexts reach engines only through the ports.',
      severity: 'error',
      from: { path: '^libs/(local|regional|national|command-handling|http)/' },
      to: { path: ['node_modules/(better-sqlite3|kafkajs|mongodb|pg|@kurrent|@eventstore)/', '^libs/adapters-'] },
    },
    {
      name: 'no-context-imports-another',
      comment: 'local, regional and national share only the published language (@spiral/event-catalogue).',
      severity: 'error',
      from: { path: '^libs/(local|regional|national)/' },
      to: { path: '^libs/(local|regional|national)/', pathNot: '^libs/$1/' },
    },
    {
      name: 'read-side-knows-no-adapter-and-no-nest',
      comment:
        'Projections, the read-model kit, statistics and SPC are plain code over ports: no engine, no adapter, no NestJS. Exempt: the wiring that runs them in a Nest process (projections.module.ts, blue-green.ts, which logs through Nest), and specs and test helpers (they run over the embedded adapters).',
      severity: 'error',
      from: {
        path: ['^libs/[^/]+/src/projections/', '^libs/(analytics|spc)/', '^libs/projections/src/'],
        pathNot: ['^libs/projections/src/(projections\\.module|blue-green)\\.ts$', '\\.spec\\.ts$', '^libs/[^/]+/src/testing/'],
      },
      to: { path: [ENGINES, NEST, '^libs/adapters-'] },
    },
    {
      name: 'no-app-imports-an-app',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libraries-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'libraries-only-through-their-index',
      comment: 'Another folder uses a library through @spiral/<name> (its src/index.ts or src/testing/index.ts) only.',
      severity: 'error',
      from: { path: '^(apps|libs)/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$2/', '^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/src/testing/index\\.ts$'] },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

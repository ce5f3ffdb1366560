// Three tiers by file suffix (unit, int, e2e), one project each, all run by `npm test`.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      swcrc: false,
      sourceMaps: 'inline',
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    },
  ],
};

const tier = (name) => ({
  displayName: name,
  rootDir: __dirname,
  testMatch: [`<rootDir>/{apps,libs,test}/**/*.${name}.spec.ts`],
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
});

module.exports = {
  // Jest reads testTimeout only here, not per project: generous enough for the e2e tier.
  testTimeout: 60_000,
  // The reliability suites (test/reliability, issue #6) spawn processes and run for seconds to minutes:
  // only `npm run test:reliability[:quick]` (which set SPIRAL_RELIABILITY) runs them, never `npm test`.
  // test/processes drives the distributed system's OS processes (dist/): only `npm run test:distributed`.
  projects: [
    tier('unit'),
    tier('int'),
    tier('e2e'),
    ...(process.env.SPIRAL_RELIABILITY ? [tier('reliability')] : []),
    ...(process.env.SPIRAL_PROCESSES ? [tier('processes')] : []),
  ],
};

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

const tier = (name, timeout) => ({
  displayName: name,
  rootDir: __dirname,
  testMatch: [`<rootDir>/{apps,libs,test}/**/*.${name}.spec.ts`],
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
  testTimeout: timeout,
});

module.exports = {
  projects: [tier('unit', 5_000), tier('int', 30_000), tier('e2e', 60_000)],
};

// Lets a child process run the suites' TypeScript helpers as they are, the way jest does: each .ts
// file is compiled by swc when required, with the repo's .swcrc and tsconfig.base.json's paths (the
// @spiral/<lib>/testing entries too, which the build's .swcrc leaves out). Used as `node -r tools/register-typescript.js <file>.ts`, and by worker threads started from the sources.
const { transformSync } = require('@swc/core');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
delete swcrc.exclude;
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
const options = { ...swcrc, swcrc: false, sourceMaps: 'inline', jsc: { ...swcrc.jsc, baseUrl: root, paths } };

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};

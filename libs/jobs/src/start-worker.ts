import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * Runs the sources in a worker when the entry is TypeScript: only under jest, which transforms the
 * test's own thread but not a worker's. It compiles each .ts file with swc (as jest does) and maps
 * the @spiral/* aliases of tsconfig.base.json, so a test exercises the real worker thread. The
 * built application's entry is JavaScript and starts directly.
 */
const FROM_SOURCES = `
const { workerData } = require('node:worker_threads');
const Module = require('node:module');
const { join } = require('node:path');
const { readFileSync } = require('node:fs');
const swc = require('@swc/core');
const root = workerData.sourceRoot;
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const aliases = new Map(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, join(root, target)]));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return resolveFilename.call(this, aliases.get(request) ?? request, ...rest); };
const options = { swcrc: false, module: { type: 'commonjs' }, jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true },
  transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, keepClassNames: true } };
Module._extensions['.ts'] = (module, filename) => module._compile(swc.transformSync(readFileSync(filename, 'utf8'), { ...options, filename }).code, filename);
require('reflect-metadata');
require(workerData.entry);
`;

export function startWorker(entry: string, workerData: object): Worker {
  if (!entry.endsWith('.ts')) return new Worker(entry, { workerData });
  return new Worker(FROM_SOURCES, { eval: true, workerData: { ...workerData, entry, sourceRoot: sourceRootOf(entry) } });
}

function sourceRootOf(file: string): string {
  for (let folder = dirname(file); folder !== dirname(folder); folder = dirname(folder)) {
    if (existsSync(join(folder, 'tsconfig.base.json'))) return folder;
  }
  throw new Error(`no tsconfig.base.json above ${file}`);
}

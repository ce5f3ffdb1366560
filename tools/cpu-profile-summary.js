// Where a thread's time went in a .cpuprofile (node --cpu-prof; the bench's server takes
// SPIRAL_BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=<dir>"): shares of its busy time by purpose,
// by module (innermost frame) and by function. A sample's purpose is the innermost frame on its stack
// that names one (so the JWT check inside the guard counts as the JWT, the guard's own code as auth).
// Usage: node tools/cpu-profile-summary.js <file.cpuprofile> [functions to list]
const { readFileSync } = require('node:fs');
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const listed = Number(process.argv[3] ?? 25);
const PURPOSES = [
  ['garbage collector', (f) => f.functionName === '(garbage collector)'],
  ['JWT verification', (f) => /jsonwebtoken|\/jws\/|\/jwa\/|@nestjs\/jwt/.test(f.url)],
  ['append (group commit, hash chain, SQLite)', (f) => /sqlite-group-commit|sqlite-event-append|hash-chain/.test(f.url)],
  ['event validation (catalogue)', (f) => /validate-payload/.test(f.url)],
  ['write path (read, fold, decide)', (f) => /command-handling\/src|sqlite-event-store|libs\/(local|regional|national)\/src\/(application|domain)|libs\/decider/.test(f.url)],
  ['request validation (ValidationPipe)', (f) => /validation\.pipe/.test(f.url)],
  ['auth guard', (f) => /access\.guard/.test(f.url)],
  ['posting to the live views thread', (f) => f.functionName === 'postMessage'],
  ['per-request logging', (f) => /pino|nestjs-pino/.test(f.url)],
];
// Start-up is left out of the shares: a short load would otherwise look dominated by it.
const START_UP = (f) => ['Module._load', 'wrapSafe', 'startEmbedded', 'createDocument', 'initialize', 'compile'].includes(f.functionName);
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
const moduleOf = (url) => (!url ? '(native)' : url.match(/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1] ?? url.match(/dist\/((libs|apps)\/[^/]+)/)?.[1] ?? (url.startsWith('node:') ? url.replace(/^node:(internal\/)?([^/]+).*/, 'node:$2') : url));
const add = (map, key, time) => map.set(key, (map.get(key) ?? 0) + time);
const purposes = new Map(), modules = new Map(), functions = new Map();
let busy = 0;
let startUp = 0;
profile.samples.forEach((id, i) => {
  const time = profile.timeDeltas[i] ?? 0;
  const frame = nodes.get(id).callFrame;
  if (frame.functionName === '(idle)') return;
  for (let at = id; at !== undefined; at = parents.get(at)) if (START_UP(nodes.get(at).callFrame)) return void (startUp += time);
  busy += time;
  add(modules, moduleOf(frame.url), time);
  add(functions, `${frame.functionName || '(anonymous)'} ${moduleOf(frame.url)}:${frame.lineNumber + 1}`, time);
  let purpose = 'HTTP and Nest (parsing, routing, plumbing, the answer)';
  for (let at = id; at !== undefined; at = parents.get(at)) {
    const found = PURPOSES.find(([, matches]) => matches(nodes.get(at).callFrame));
    if (found) { purpose = found[0]; break; }
  }
  add(purposes, purpose, time);
});
const show = (title, map, count) => {
  console.log(`\n${title}`);
  for (const [key, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`${((100 * time) / busy).toFixed(1).padStart(6)} %  ${key}`);
};
console.log(`busy ${(busy / 1000).toFixed(0)} ms after start-up (${(startUp / 1000).toFixed(0)} ms of start-up left out)`);
show('by purpose', purposes, PURPOSES.length + 1);
show('by module (innermost frame)', modules, 20);
show('by function (innermost frame)', functions, listed);

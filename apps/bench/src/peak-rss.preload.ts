import { writeFileSync } from 'node:fs';

// Loaded with `node -r` into a measured child process: on exit it writes the process's peak
// resident set size (bytes) to the file named by SPIRAL_BENCH_RSS_FILE.
const target = process.env['SPIRAL_BENCH_RSS_FILE'];
if (target !== undefined) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS * 1024)));

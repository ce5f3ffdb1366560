#!/usr/bin/env node
// The `spiral` command: runs the compiled CLI (built by `npm run build`, which `npm ci` runs).
require('../dist/apps/cli/src/main.js');

#!/usr/bin/env node
import { startCli } from './cli/start.js';

// The `grade` command where the harness runs unbundled (dist/harness/, or from source under tsx). The bundled
// CLI (package.json's bin) is ./cli/bundled-cli.ts: the same command, its compiled code kept between runs.
await startCli();

#!/usr/bin/env node
// The convblocks command line: src/cli/main.ts, bundled on first use.
import { bundleAndImport } from '../scripts/bundle.mjs';

const { main } = await bundleAndImport('src/cli/main.ts', 'cli', ['src']);
process.exitCode = await main(process.argv.slice(2));

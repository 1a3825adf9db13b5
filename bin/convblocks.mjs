#!/usr/bin/env node
// The convblocks command line. tfjs-core must load as one bundled ESM build (its CommonJS entry is
// slower and registers no gradients), so the TypeScript sources are bundled with esbuild first.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src/cli/main.ts');
const out = join(root, 'node_modules/.cache/convblocks/cli.mjs');

/** Newest modification time of any source file, so the bundle is rebuilt only after a change. */
function newestSource(folder) {
  let newest = 0;
  for (const item of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, item.name);
    newest = Math.max(newest, item.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let fresh = false;
try {
  fresh = statSync(out).mtimeMs > newestSource(join(root, 'src'));
} catch {
  fresh = false;
}
if (!fresh) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    console.error('convblocks: npm packages are missing: run `npm install` in the project first');
    process.exit(2);
  }
  mkdirSync(dirname(out), { recursive: true });
  await esbuild.build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    // The wasm backend's Emscripten loader calls require('fs') and friends in Node.
    banner: {
      js: [
        "import { createRequire as __cbRequire } from 'node:module';",
        "import { dirname as __cbDirname } from 'node:path';",
        "import { fileURLToPath as __cbPath } from 'node:url';",
        'const require = __cbRequire(import.meta.url);',
        'const __filename = __cbPath(import.meta.url);',
        'const __dirname = __cbDirname(__filename);',
      ].join(' '),
    },
    external: ['convnetjs', '@tensorflow/tfjs-layers'],
    logLevel: 'error',
  });
}
const { main } = await import(pathToFileURL(out).href);
process.exitCode = await main(process.argv.slice(2));

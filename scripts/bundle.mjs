// Bundles a TypeScript entry with esbuild (rebuilt only after a source change) and imports it.
// tfjs-core must load as one ESM build: its CommonJS entry is slower and registers no gradients.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time of any file under the folders, so a bundle is rebuilt only after a change. */
function newest(folders) {
  let time = 0;
  for (const folder of folders) {
    for (const item of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, item.name);
      time = Math.max(time, item.isDirectory() ? newest([path]) : statSync(path).mtimeMs);
    }
  }
  return time;
}

/** Bundles `entry` (relative to the project) into node_modules/.cache/convblocks/NAME.mjs and imports it. */
export async function bundleAndImport(entry, name, sourceFolders) {
  const out = join(root, 'node_modules/.cache/convblocks', `${name}.mjs`);
  let fresh = false;
  try {
    fresh = statSync(out).mtimeMs > newest(sourceFolders.map((f) => join(root, f)));
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
      entryPoints: [join(root, entry)],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      mainFields: ['module', 'main'],
      // The wasm backend's Emscripten loader uses require, __dirname and __filename in Node.
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
      logLevel: 'error',
    });
  }
  return import(pathToFileURL(out).href);
}

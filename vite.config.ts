import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { blocklyMedia } from './scripts/vite-blockly-media.ts';

export default defineConfig({
  base: './',
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  plugins: [blocklyMedia(fileURLToPath(new URL('./node_modules/blockly/media', import.meta.url)))],
  // TensorFlow.js packages point `main` at CommonJS bundles, which Node-side resolution (the tests)
  // picks; every importer must get the one ESM copy, or gradients register on one copy and tensors on
  // another. Browsers resolve `module` already, so the alias is for the tests alone.
  resolve: {
    alias: (process.env.VITEST
      ? ['tfjs-core', 'tfjs-backend-cpu', 'tfjs-backend-wasm', 'tfjs-backend-webgl']
      : []
    ).map((name) => ({
      find: new RegExp(`^@tensorflow/${name}$`),
      replacement: fileURLToPath(
        new URL(`./node_modules/@tensorflow/${name}/dist/index.js`, import.meta.url),
      ),
    })),
  },
  // Dev pre-bundles every dependency up front, in one pass: a dependency found late reloads the page,
  // and tfjs-core's deep gradient import must share one copy of tfjs-core with the package.
  optimizeDeps: {
    include: [
      'phaser',
      'blockly/core',
      'blockly/msg/en',
      'zod',
      'comlink',
      'idb',
      'fflate',
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-core/dist/register_all_gradients',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgl',
    ],
  },
  test: {
    // tfjs-core's ESM build, not its CommonJS one: the latter is slower and registers no gradients.
    server: { deps: { inline: [/@tensorflow/] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**'],
          environment: 'node',
          // Files that opt into jsdom (`// @vitest-environment jsdom`) get a quiet canvas stub.
          setupFiles: ['tests/setup/jsdom-canvas.ts'],
          testTimeout: 60_000,
          // Vitest's default leaves one core for itself, which on a 2-core machine is one file at a
          // time; its own work is light, and two files at a time take the unit tests from 330 s to 190 s.
          maxWorkers: Math.max(2, availableParallelism() - 1),
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // A poll waits for something the page will do: give it as long as Playwright's own waits
          // (30 s), not vitest's default second, which a page on a busy machine easily outlasts.
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});

/**
 * Serves the project with Vite's dev server for the browser tests and tells them where; installs
 * nothing (the README's `npm test` and .ci/run install Chromium first).
 */

import { createServer, type ViteDevServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { LEAN_DEPS } from './lean-deps.ts';

let server: ViteDevServer | undefined;

export default async function setup(project: TestProject) {
  // No file watching: a file saved while the tests run must not reload the pages under test.
  server = await createServer({
    ...LEAN_DEPS,
    server: { port: 0, host: '127.0.0.1', watch: null, hmr: false },
    logLevel: 'error',
    clearScreen: false,
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

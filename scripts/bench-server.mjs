// Serves the project with Vite for the browser benchmark (scripts/bench-browser.mjs) and its soak
// diagnostic (scripts/soak-heap-diff.mjs), on a free local port.
import { createServer } from 'vite';

/** Starts the server; resolves to the bench page's address and a way to stop the server. */
export async function startBenchServer() {
  const server = await createServer({
    // No hot reload: an edit elsewhere in the tree must not reload the page mid-measurement.
    server: { port: 0, host: '127.0.0.1', hmr: false },
    logLevel: 'error',
    clearScreen: false,
    // The worker's imports, bundled before the page asks: Vite's scanner does not follow
    // `new Worker(new URL(...))`, and bundling them mid-load would hand the worker two copies of tfjs-core.
    optimizeDeps: {
      include: [
        '@tensorflow/tfjs-core',
        '@tensorflow/tfjs-core/dist/register_all_gradients',
        '@tensorflow/tfjs-backend-cpu',
        '@tensorflow/tfjs-backend-wasm',
        '@tensorflow/tfjs-backend-webgl',
        'comlink',
      ],
    },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { pageUrl: `http://127.0.0.1:${port}/bench/browser/index.html`, close: () => server.close() };
}

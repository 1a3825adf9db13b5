import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Serves Blockly's icons and cursors from our own build at `blockly-media/` (Blockly would
 * otherwise fetch them from the internet): from node_modules in dev, copied into the build.
 */
export function blocklyMedia(mediaFolder: string): Plugin {
  const prefix = '/blockly-media/';
  return {
    name: 'convblocks-blockly-media',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const at = path.indexOf(prefix);
        const name = at >= 0 ? path.slice(at + prefix.length) : '';
        if (!name || name.includes('/') || name.includes('..')) return next();
        try {
          const body = readFileSync(join(mediaFolder, name));
          const type = name.endsWith('.svg')
            ? 'image/svg+xml'
            : name.endsWith('.png')
              ? 'image/png'
              : 'application/octet-stream';
          res.setHeader('Content-Type', type);
          res.end(body);
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const name of readdirSync(mediaFolder)) {
        // Sounds stay out: the editor runs with sounds off.
        if (name.endsWith('.mp3') || name.endsWith('.wav') || name.endsWith('.ogg')) continue;
        this.emitFile({
          type: 'asset',
          fileName: `blockly-media/${name}`,
          source: readFileSync(join(mediaFolder, name)),
        });
      }
    },
  };
}

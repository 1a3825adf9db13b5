/**
 * Vite settings that make the browser tests' dev server send its pre-bundled dependencies lean.
 *
 * Vite's dev server appends each pre-bundled dependency's source map to the file it sends, as
 * base64: Phaser went out as 22 MB (7 MB of code, 15 MB of map) on every page load, and each test
 * opens fresh pages, so a page took about 5 s to load on a busy 2-core machine. The tests read no
 * dependency's sources, so here dependencies are minified once when Vite pre-bundles them (into a
 * cache folder of their own, so `npm run dev`'s unminified bundles are not rebuilt each time the
 * two alternate) and sent without maps: about 2.6 s a page. Our own modules keep their maps, so a
 * failing test still points at our lines.
 */
import type { InlineConfig, Plugin } from 'vite';

/** Files of Vite's pre-bundled dependencies, in either cache folder. */
const PRE_BUNDLED = /\/node_modules\/\.vite[^/]*\/deps\//;

/**
 * Drops the source map of every pre-bundled dependency. A map of `{ mappings: '' }` is Vite's "no
 * map" (it then sends none); Vite keeps a transform's map only when the code changed, hence the
 * newline.
 */
function dependenciesWithoutMaps(): Plugin {
  return {
    name: 'convblocks:dependencies-without-maps',
    apply: 'serve',
    transform(code, id) {
      if (!PRE_BUNDLED.test(id)) return undefined;
      return { code: `${code}\n`, map: { mappings: '' } };
    },
  };
}

/** What the browser tests' dev server adds to `vite.config.ts`. */
export const LEAN_DEPS: InlineConfig = {
  cacheDir: 'node_modules/.vite-tests',
  optimizeDeps: { rolldownOptions: { output: { minify: true } } },
  plugins: [dependenciesWithoutMaps()],
};

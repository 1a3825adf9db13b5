/** The page's address, read as where to go: the map, a level, or a shared network or level. */
export type Route =
  | { readonly screen: 'map' }
  | { readonly screen: 'level'; readonly id: string }
  | { readonly screen: 'editor'; readonly id?: string }
  | { readonly screen: 'shared'; readonly hash: string }
  | { readonly screen: 'pack'; readonly id: string }
  | { readonly screen: 'class' };

/**
 * Reads a location hash (`#/level/x-vs-o`, `#net=...`, `#level=...`, `#pack=...`, `#/pack/ID` for the
 * map at a pack's path, `#/class` for the class results); anything else is the map.
 */
export function parseRoute(hash: string): Route {
  if (/^#(net|level|pack)=/.test(hash)) return { screen: 'shared', hash };
  if (hash === '#/editor') return { screen: 'editor' };
  if (hash === '#/class') return { screen: 'class' };
  const pack = /^#\/pack\/([a-z0-9-]{1,64})$/.exec(hash);
  if (pack?.[1]) return { screen: 'pack', id: pack[1] };
  const match = /^#\/(level|editor)\/([^/?#]+)$/.exec(hash);
  if (match?.[2]) {
    let id = match[2];
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed escape stays as typed; the level lookup then says it does not exist.
    }
    return match[1] === 'level' ? { screen: 'level', id } : { screen: 'editor', id };
  }
  return { screen: 'map' };
}

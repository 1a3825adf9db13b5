/** The page's address, read as where to go: the map, a level, or a shared network or level. */
export type Route =
  | { readonly screen: 'map' }
  | { readonly screen: 'level'; readonly id: string }
  | { readonly screen: 'shared'; readonly hash: string };

/** Reads a location hash (`#/level/x-vs-o`, `#net=...`, `#level=...`); anything else is the map. */
export function parseRoute(hash: string): Route {
  if (hash.startsWith('#net=') || hash.startsWith('#level=')) return { screen: 'shared', hash };
  const match = /^#\/level\/([^/?#]+)$/.exec(hash);
  if (match?.[1]) {
    let id = match[1];
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed escape stays as typed; the level lookup then says it does not exist.
    }
    return { screen: 'level', id };
  }
  return { screen: 'map' };
}

/** The hash that opens a level. */
export function levelHash(id: string): string {
  return `#/level/${encodeURIComponent(id)}`;
}

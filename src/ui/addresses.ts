/**
 * The addresses (location hashes) that open a screen. The app's router reads them; the screens link
 * to one another with them. They sit in the kit so the level editor can send a teacher to the level
 * they made without importing the app, and both sides spell an address the same way.
 */

/** The address that opens a level. */
export function levelHash(id: string): string {
  return `#/level/${encodeURIComponent(id)}`;
}

/** The address of the level editor for a saved level. */
export function editorHash(id: string): string {
  return `#/editor/${encodeURIComponent(id)}`;
}

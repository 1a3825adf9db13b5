/** "Make a copy to edit": a shared or built-in level becomes one of the player's own, opened in the editor. */
import { isBuiltInLevel } from '../game/catalog';
import type { LevelSpec } from '../spec';
import { copyOfLevel, levelIdTaken, type PlayerStore } from '../storage';
import { type AppContext, editorHash } from '../ui';

/** Saves a copy of `level` among the player's own levels under a free id and opens it in the editor. */
export async function copyToEdit(level: LevelSpec, context: AppContext<PlayerStore>): Promise<void> {
  const { store } = context;
  const copy = copyOfLevel(level, (id) => levelIdTaken(store, isBuiltInLevel, id));
  await store.saveCustomLevel(copy, 'mine');
  await store.flush();
  context.announce(`"${copy.title}" is one of your levels now.`);
  context.navigate(editorHash(copy.id));
}

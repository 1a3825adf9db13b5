/** Opening a pack of levels someone shared: it is kept, and the map shows it with its own path. */
import type { LevelPack } from '../spec';
import type { PlayerStore } from '../storage';
import type { AppContext } from '../ui';

/** The address of the map scrolled to a pack's path. */
export function packMapHash(packId: string): string {
  return `#/pack/${encodeURIComponent(packId)}`;
}

/** Keeps the pack (once, however often it is opened) and shows it on the map. */
export async function openPack(pack: LevelPack, context: AppContext<PlayerStore>): Promise<void> {
  const known = context.store.packs().some((p) => p.id === pack.id);
  await context.store.savePack(pack);
  await context.store.flush();
  context.navigate(packMapHash(pack.id));
  context.announce(
    known
      ? `The pack "${pack.title}" was already here, with your progress in it.`
      : `The pack "${pack.title}" is on the map: ${pack.levels.length} levels, in order.`,
  );
}

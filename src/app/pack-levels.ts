/** Where a pack's levels are found: each is played under its pack-scoped id (see `packLevelId`). */
import { type LevelSpec, packLevelId } from '../spec';
import type { PlayerStore, SavedPack } from '../storage';

/** A level of a pack, under the id it is played and kept with, and the path it belongs to. */
export interface PackLevel {
  readonly level: LevelSpec;
  /** The played ids of the pack's levels, in order (for "Next level"). */
  readonly order: readonly string[];
  readonly packId: string;
}

/** The played ids of a pack's levels, in order. */
export function packOrder(saved: SavedPack): string[] {
  return saved.pack.levels.map((_, i) => packLevelId(saved.id, i));
}

/** The pack level played under `id`, if a pack opened here has it. */
export function findPackLevel(id: string, store: Pick<PlayerStore, 'packs'>): PackLevel | undefined {
  for (const saved of store.packs()) {
    const order = packOrder(saved);
    const at = order.indexOf(id);
    const level = saved.pack.levels[at];
    if (level) return { level: { ...level, id }, order, packId: saved.id };
  }
  return undefined;
}

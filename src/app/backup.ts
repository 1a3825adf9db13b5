/** Export progress to one file and import it back: schools wipe browsers, a file survives. */

import { BUILT_IN_ORDER } from '../game/catalog';
import { SpecError } from '../spec';
import { type PlayerStore, parseBackup, StorageWriteError } from '../storage';
import { type AppContext, chooseDialog, downloadText, pickTextFile } from '../ui';

/** Downloads everything the player has (progress, workbenches, networks, levels, settings) as one file. */
export function exportProgress(context: AppContext<PlayerStore>): void {
  const backup = context.store.exportBackup();
  const day = new Date().toISOString().slice(0, 10);
  downloadText(`convblocks-progress-${day}.json`, `${JSON.stringify(backup, null, 2)}\n`);
  context.announce('Your progress is saved to a file. Import it on any browser to carry on.');
}

/**
 * Reads a progress file back. The file is checked whole first; the player then chooses to merge it
 * with what is here or to replace it. A bad file changes nothing.
 */
export async function importProgress(
  context: AppContext<PlayerStore>,
  onImported: () => void,
): Promise<void> {
  const picked = await pickTextFile();
  if (!picked) return;
  let backup: ReturnType<typeof parseBackup>;
  try {
    backup = parseBackup(picked.text, { builtInLevelIds: BUILT_IN_ORDER });
  } catch (error) {
    const message = error instanceof SpecError ? error.message : String(error);
    context.announce(`${picked.name} is not a ConvBlocks progress file: ${message}. Nothing was changed.`);
    return;
  }
  const mode = await chooseDialog(
    'Import progress',
    `Import the progress saved on ${backup.exportedAt.slice(0, 10)}?`,
    [
      { key: 'merge', label: 'Merge with mine' },
      { key: 'replace', label: 'Replace mine' },
    ] as const,
  );
  if (!mode) {
    context.announce('Nothing was imported.');
    return;
  }
  try {
    await context.store.importBackup(backup, mode);
  } catch (error) {
    if (!(error instanceof StorageWriteError)) throw error;
    context.announce(error.message);
    return;
  }
  context.announce(mode === 'merge' ? 'Progress merged.' : 'Progress replaced.');
  onImported();
}

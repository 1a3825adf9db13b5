/**
 * A student's results for a pack, saved as a `convblocks/results` file to hand to the teacher:
 * no server, no account; the name is typed at export and goes nowhere but the file.
 */
import { resultsToFile } from '../share';
import {
  type LevelOutcome,
  type NetworkSpec,
  type PackResults,
  packLevelId,
  parseResults,
  resultsToDocument,
  SpecError,
} from '../spec';
import type { PlayerStore, ProgressRecord, SavedPack } from '../storage';
import { type AppContext, button, downloadText, el, showDialog } from '../ui';

/** What the results are read from: the store, or a stand-in in tests. */
export type ResultsSource = Pick<PlayerStore, 'progress' | 'lastRun' | 'workspace'>;

function outcome(
  level: SavedPack['pack']['levels'][number],
  progress: ProgressRecord | undefined,
  network: NetworkSpec | undefined,
): LevelOutcome {
  const won = progress?.won ?? false;
  return {
    id: level.id,
    title: level.title,
    won,
    stars: won ? (progress?.stars ?? 0) : 0,
    steps: won ? (progress?.fewestSteps ?? null) : null,
    params: won ? (progress?.fewestParams ?? null) : null,
    accuracy: progress?.bestAccuracy ?? 0,
    network: network ? { layers: network.layers, training: network.training } : null,
  };
}

/**
 * The results of a pack as this store holds them: per level its best (won, stars, fewest steps and
 * parameters, best accuracy) and the network last judged, or else the one on the workbench. Checked
 * as the teacher's screen will check it, so a file that would be refused is never written.
 */
export function packResults(
  saved: SavedPack,
  source: ResultsSource,
  student: string,
  now: Date,
): PackResults {
  const levels = saved.pack.levels.map((level, i) => {
    const id = packLevelId(saved.id, i);
    return outcome(level, source.progress(id), source.lastRun(id)?.network ?? source.workspace(id));
  });
  const results = {
    pack: { id: saved.id, title: saved.pack.title },
    student,
    exportedAt: now.toISOString(),
    levels,
  };
  return parseResults(resultsToDocument(results));
}

/** Asks for the student's name, then saves the results file. */
export async function exportResultsDialog(saved: SavedPack, context: AppContext<PlayerStore>): Promise<void> {
  const file = await showDialog<{ filename: string; text: string }>(
    `Export my results: ${saved.pack.title}`,
    (close) => {
      const name = el('input', { type: 'text', id: 'results-name', autocomplete: 'name', maxlength: '80' });
      const error = el('p', { class: 'train-blocker', role: 'alert' });
      const save = () => {
        try {
          close(resultsToFile(packResults(saved, context.store, name.value, new Date())));
        } catch (e) {
          error.textContent =
            e instanceof SpecError && e.field === 'student'
              ? 'Type your name first (up to 80 characters): your teacher sees it in the class table.'
              : e instanceof Error
                ? e.message
                : String(e);
        }
      };
      name.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') save();
      });
      return [
        el('p', {}, 'Your stars, steps and networks in this pack go into one file for your teacher.'),
        el('label', { for: 'results-name' }, 'Your name'),
        name,
        error,
        el(
          'div',
          { class: 'controls' },
          button('Save results file', save, { class: 'primary' }),
          button('Cancel', () => close(null)),
        ),
      ];
    },
  );
  if (!file) return;
  downloadText(file.filename, file.text);
  context.announce(`Saved ${file.filename}: hand it to your teacher.`);
}

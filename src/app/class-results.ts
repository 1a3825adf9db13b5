/**
 * The class results screen: a teacher opens many students' result files at once (picked or
 * dropped) and sees a table per pack, student x level, with where the class got stuck, and saves
 * it as CSV. Every file is untrusted: a bad one is named with its problem; the others still load.
 */
import { type ClassTable, classTableRows, classTables, type NamedResults } from '../game/class-table';
import { readResultsText, safeFileStem, toCsv } from '../share';
import { MAX, SpecError } from '../spec';
import type { PlayerStore } from '../storage';
import { type AppContext, button, downloadText, el, readFileText, type Screen } from '../ui';
import './packs.css';

function cellText(cell: ClassTable['rows'][number]['cells'][number]): string {
  if (!cell.won) return 'not won';
  return `${'★'.repeat(cell.stars)}${'☆'.repeat(3 - cell.stars)} ${cell.params} params`;
}

/** One pack's table, its "stuck" line and its CSV button. */
function tableSection(table: ClassTable, context: AppContext<PlayerStore>): HTMLElement {
  const students = table.rows.length;
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, 'Student'),
    ...table.levels.map((l, i) => el('th', { scope: 'col' }, `${i + 1}. ${l.title}`)),
    el('th', { scope: 'col' }, 'Levels won'),
    el('th', { scope: 'col' }, 'Stars'),
  );
  const body = table.rows.map((row) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row', title: row.file }, row.student),
      ...row.cells.map((cell) => el('td', { class: cell.won ? 'won' : 'lost' }, cellText(cell))),
      el('td', {}, String(row.levelsWon)),
      el('td', {}, String(row.stars)),
    ),
  );
  const foot = el(
    'tr',
    {},
    el('th', { scope: 'row' }, 'Won by'),
    ...table.wins.map((n) => el('td', {}, `${n} of ${students}`)),
    el('td', {}),
    el('td', {}),
  );
  // Only levels someone did not win count as stuck; the three won by fewest are named.
  const stuck = table.stuck
    .filter((i) => (table.wins[i] ?? 0) < students)
    .slice(0, 3)
    .map((i) => `${table.levels[i]?.title} (won by ${table.wins[i]} of ${students})`)
    .join(', ');
  const saveCsv = () => {
    const name = `${safeFileStem(table.packTitle, 'class')}-results.csv`;
    downloadText(name, toCsv(classTableRows(table)), 'text/csv');
    context.announce(`Saved ${name}.`);
  };
  return el(
    'section',
    { class: 'class-pack', 'aria-label': `Results: ${table.packTitle}` },
    el('h2', {}, table.packTitle),
    el('p', { class: 'class-stuck' }, stuck ? `Most stuck on: ${stuck}.` : 'Every student won every level.'),
    el(
      'div',
      { class: 'class-table-wrap' },
      el(
        'table',
        { class: 'class-table' },
        el(
          'caption',
          {},
          `${students} ${students === 1 ? 'student' : 'students'}, ${table.levels.length} levels`,
        ),
        el('thead', {}, head),
        el('tbody', {}, ...body),
        el('tfoot', {}, foot),
      ),
    ),
    button('Save as CSV', saveCsv, { 'aria-label': `Save ${table.packTitle} as CSV` }),
  );
}

/** Reads the files one by one; each is loaded or refused on its own. */
async function readAll(files: readonly File[]): Promise<{ loaded: NamedResults[]; refused: string[] }> {
  const loaded: NamedResults[] = [];
  const refused: string[] = [];
  for (const file of files) {
    try {
      loaded.push({ file: file.name, results: readResultsText(await readFileText(file)) });
    } catch (error) {
      const message = error instanceof SpecError || error instanceof Error ? error.message : String(error);
      refused.push(`${file.name}: ${message}`);
    }
  }
  return { loaded, refused };
}

/** Shows the class results screen. */
export function showClassResults(root: HTMLElement, context: AppContext<PlayerStore>): Screen {
  const loaded: NamedResults[] = [];
  const input = el('input', {
    type: 'file',
    id: 'class-files',
    multiple: '',
    accept: '.json,application/json',
  });
  const errors = el('ul', { class: 'class-errors', role: 'alert' });
  const tables = el('div', { class: 'class-tables' });
  const drop = el(
    'div',
    { class: 'class-drop' },
    el('label', { for: 'class-files' }, 'Students’ result files (pick several, or drop them here)'),
    input,
  );
  const take = async (files: readonly File[]) => {
    const room = MAX.resultFiles - loaded.length;
    const { loaded: read, refused } = await readAll(files.slice(0, Math.max(0, room)));
    if (files.length > room)
      refused.push(`${files.length - room} files were left out: the table holds ${MAX.resultFiles}.`);
    loaded.push(...read);
    errors.replaceChildren(...refused.map((line) => el('li', {}, line)));
    const made = classTables(loaded);
    tables.replaceChildren(...made.map((table) => tableSection(table, context)));
    context.announce(
      `${loaded.length} result files loaded${refused.length ? `, ${refused.length} refused` : ''}.`,
    );
  };
  input.addEventListener('change', () => {
    void take([...(input.files ?? [])]).then(() => {
      input.value = '';
    });
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (event) => {
    // Taken here: the page's own drop handler would open the file as a shared level.
    event.preventDefault();
    drop.classList.remove('dragging');
    void take([...(event.dataTransfer?.files ?? [])]);
  });
  root.replaceChildren(
    el(
      'main',
      { class: 'class-screen' },
      button('Back to map', () => context.navigate('#/'), { class: 'back' }),
      el('h1', {}, 'Class results'),
      el(
        'p',
        { class: 'map-intro' },
        'Open the result files your students saved with “Export my results” on a pack. Nothing leaves this browser.',
      ),
      drop,
      errors,
      tables,
    ),
  );
  context.announce('Class results: open your students’ result files.');
  return { dispose() {} };
}

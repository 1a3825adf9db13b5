/**
 * The class table: students' result files for a pack, as one table of student x level (stars,
 * parameters), with how many won each level, so a teacher sees where the class got stuck.
 */
import type { PackResults } from '../spec';

/** One student's cell for one level. */
export interface ClassCell {
  readonly won: boolean;
  readonly stars: number;
  readonly params: number | null;
  readonly steps: number | null;
}

/** One student's row. */
export interface ClassRow {
  readonly student: string;
  /** The file the row came from. */
  readonly file: string;
  readonly cells: readonly ClassCell[];
  readonly levelsWon: number;
  readonly stars: number;
}

/** The table of one pack. */
export interface ClassTable {
  readonly packId: string;
  readonly packTitle: string;
  readonly levels: readonly { readonly id: string; readonly title: string }[];
  readonly rows: readonly ClassRow[];
  /** Per level: how many students won it. */
  readonly wins: readonly number[];
  /** Level indices, fewest wins first (the path's order among equals): where the class got stuck. */
  readonly stuck: readonly number[];
}

const NOT_PLAYED: ClassCell = { won: false, stars: 0, params: null, steps: null };

/** A result file that was read, and its name. */
export interface NamedResults {
  readonly file: string;
  readonly results: PackResults;
}

function tableOf(files: readonly NamedResults[]): ClassTable {
  const first = files[0]?.results as PackResults;
  const levels = first.levels.map(({ id, title }) => ({ id, title }));
  const rows = files.map(({ file, results }): ClassRow => {
    const cells = levels.map((_, i) => {
      const outcome = results.levels[i];
      return outcome
        ? { won: outcome.won, stars: outcome.stars, params: outcome.params, steps: outcome.steps }
        : NOT_PLAYED;
    });
    return {
      student: results.student,
      file,
      cells,
      levelsWon: cells.filter((c) => c.won).length,
      stars: cells.reduce((sum, c) => sum + c.stars, 0),
    };
  });
  const wins = levels.map((_, i) => rows.filter((r) => r.cells[i]?.won).length);
  const stuck = levels.map((_, i) => i).sort((a, b) => (wins[a] ?? 0) - (wins[b] ?? 0) || a - b);
  return { packId: first.pack.id, packTitle: first.pack.title, levels, rows, wins, stuck };
}

/** One table per pack the files are for, in the order the packs first appear; rows by student name. */
export function classTables(files: readonly NamedResults[]): ClassTable[] {
  const byPack = new Map<string, NamedResults[]>();
  for (const named of files) {
    const list = byPack.get(named.results.pack.id) ?? [];
    list.push(named);
    byPack.set(named.results.pack.id, list);
  }
  return [...byPack.values()].map((list) =>
    tableOf([...list].sort((a, b) => a.results.student.localeCompare(b.results.student))),
  );
}

/** The table as rows of cells for a CSV file: a header, a row per student, and the wins per level. */
export function classTableRows(table: ClassTable): (string | number | null)[][] {
  const header = [
    'student',
    ...table.levels.flatMap((l) => [`${l.title}: stars`, `${l.title}: parameters`]),
    'levels won',
    'stars',
  ];
  const rows = table.rows.map((row) => [
    row.student,
    ...row.cells.flatMap((c) => [c.stars, c.won ? c.params : null]),
    row.levelsWon,
    row.stars,
  ]);
  const wins = ['students who won it', ...table.wins.flatMap((n) => [n, null]), null, null];
  return [header, ...rows, wins];
}

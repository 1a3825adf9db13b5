/**
 * The error table of the course: for one picture, each class's right answer (1 for its own class,
 * 0 for the others), the network's actual answer, and right minus actual; the sizes of the errors
 * added up. Training itself lowers another number, the cross-entropy loss (minus the log of the
 * vote for the right class), so the table shows that one beside it.
 */

/** The course's own worked table, as it prints it: the numbers a player can check by hand. */
export const COURSE_ERROR_TABLE = {
  classes: ['X', 'O'],
  right: [1, 0],
  actual: [0.92, 0.51],
  errors: [0.08, 0.49],
  total: 0.57,
} as const;

/** One class's line of the table. */
export interface ErrorRow {
  readonly className: string;
  /** 1 for the picture's own class, 0 for the others. */
  readonly right: number;
  /** The network's vote for the class (a softmax probability). */
  readonly actual: number;
  /** Right minus actual: positive when the vote should grow, negative when it should shrink. */
  readonly error: number;
}

/** The table for one picture. */
export interface ErrorTable {
  readonly rows: readonly ErrorRow[];
  /** The sizes of the errors added up (each error without its sign). */
  readonly total: number;
  /** The loss training lowers for this picture: minus the natural log of the right class's vote. */
  readonly loss: number;
}

/** The smallest vote the loss is taken of, so a vote of exactly 0 gives a big loss, not infinity. */
const TINY = 1e-7;

/**
 * The table for a picture of class `rightClass`, from the network's votes for each class (in the
 * order of `classes`).
 */
export function errorTable(
  classes: readonly string[],
  rightClass: number,
  votes: ArrayLike<number>,
): ErrorTable {
  const rows = classes.map((className, i) => {
    const right = i === rightClass ? 1 : 0;
    const actual = votes[i] ?? 0;
    return { className, right, actual, error: right - actual };
  });
  const total = rows.reduce((sum, row) => sum + Math.abs(row.error), 0);
  const loss = -Math.log(Math.max(votes[rightClass] ?? 0, TINY));
  return { rows, total, loss };
}

/** A number as the table prints it: two decimals, a real minus sign, no "-0.00". */
export function tableNumber(value: number): string {
  const text = value.toFixed(2);
  if (Number(text) === 0) return '0.00';
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

/** How far training has gone in passes over the training pictures. */
export interface EpochCount {
  /** Pictures one step looks at: the batch size, or every picture when there are fewer. */
  readonly perStep: number;
  /** Steps one pass over all the training pictures takes (the last batch may be smaller). */
  readonly stepsPerEpoch: number;
}

/** The steps an epoch takes for `pictures` training pictures in batches of `batchSize`. */
export function epochCount(pictures: number, batchSize: number): EpochCount {
  const perStep = Math.max(1, Math.min(batchSize, pictures));
  return { perStep, stepsPerEpoch: Math.max(1, Math.ceil(pictures / perStep)) };
}

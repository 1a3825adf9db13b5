/** Comparing numbers computed on two backends; no TensorFlow.js, so a page can use it too. */

/** Named lists of numbers, computed on one backend. */
export type Outputs = Record<string, number[]>;

/**
 * The names whose numbers differ by more than `relative` times the larger of the two lists'
 * largest magnitude (so values near zero are judged against the list's scale, not their own).
 */
export function disagreements(a: Outputs, b: Outputs, relative: number): string[] {
  const bad: string[] = [];
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[name];
    const y = b[name];
    if (!x || !y || x.length !== y.length) {
      bad.push(`${name}: missing or of another length`);
      continue;
    }
    const scale = Math.max(1e-6, ...x.map(Math.abs), ...y.map(Math.abs));
    const worst = Math.max(0, ...x.map((v, i) => Math.abs(v - (y[i] as number))));
    if (!(worst <= relative * scale)) bad.push(`${name}: off by ${worst} at scale ${scale}`);
  }
  return bad;
}

import { escapeInvisible } from '../spec';
import { printLine } from './output';
import type { TrainingProgress } from './training';

/** A progress bar redrawn in place on a terminal, or a plain line every so often when piped. */
export function progressPrinter(stream: NodeJS.WriteStream, label: string): (p: TrainingProgress) => void {
  let lastLine = 0;
  return (p) => {
    const percent = (100 * p.accuracy).toFixed(0);
    const text = `${escapeInvisible(label)} step ${p.step}/${p.maxSteps}  loss ${p.loss.toFixed(4)}  train ${percent}%`;
    if (stream.isTTY) {
      const width = 24;
      const filled = Math.round((width * p.step) / p.maxSteps);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`);
    } else if (p.step - lastLine >= 100 || p.step === p.maxSteps) {
      lastLine = p.step;
      printLine(stream, text);
    }
  };
}

/** Ends a progress bar's line on a terminal. */
export function endProgress(stream: NodeJS.WriteStream): void {
  if (stream.isTTY) stream.write('\r\x1b[K');
}

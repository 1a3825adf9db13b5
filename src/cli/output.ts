import { escapeInvisible } from '../spec';

/**
 * Everything the command line prints goes through here. Class names, titles, file names and the
 * text of parse errors all come from files anyone may have written, so each line is printed with
 * its control, format and direction characters escaped: a file can then neither clear the screen,
 * set the window title nor reverse a message, and a value can never start a line of its own.
 */

/** Prints one line (escaped, so a newline inside it is shown as `\n`) to `stream`. */
export function printLine(stream: NodeJS.WritableStream, line: string): void {
  stream.write(`${escapeInvisible(line)}\n`);
}

/** Prints a result line on stdout. */
export function say(line: string): void {
  printLine(process.stdout, line);
}

/** Prints a failure line on stderr, where every failure belongs. */
export function complain(line: string): void {
  printLine(process.stderr, line);
}

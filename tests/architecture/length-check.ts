/**
 * Measures source files and the functions in them without a compiler: the text is reduced to its
 * code (comments, strings, template text and regex literals blanked, newlines kept), and then a
 * function is a `{` that opens a body: after `=>`, or after a parameter list `(...)` (with an
 * optional return type) that does not belong to `if`, `for`, `while`, `switch`, `catch` or `with`.
 * An arrow with an expression body runs to the `,`, `;` or closing bracket that ends it. The
 * TypeScript package we install is the native compiler, which has no JavaScript API to parse with.
 */

/** A function found in a file, with the lines it spans (1-based, both ends included). */
export interface FunctionSpan {
  /** The name it is declared or assigned under, or `(anonymous)`. */
  readonly name: string;
  readonly startLine: number;
  readonly endLine: number;
  /** True when the comment right above it holds a line starting `Long:` that says why it stays long. */
  readonly excused: boolean;
}

/** One broken length rule in one file. */
export interface LengthViolation {
  readonly file: string;
  readonly line: number;
  /** What is too long and by how much, in words. */
  readonly says: string;
}

const KEYWORDS = new Set(['return', 'await', 'async', 'new', 'void', 'yield', 'typeof', 'case', 'else']);
const CONTROL = new Set(['if', 'for', 'while', 'switch', 'catch', 'with', 'await', 'return', 'typeof']);
// After one of these a `/` starts a regex literal, not a division.
const REGEX_AFTER_CHAR = new Set([...'(,=:[!&|?{};+-*%<>~^']);
const REGEX_AFTER_WORD = /\b(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;

/** Blanks `s` to spaces, keeping newlines so positions still give the right line. */
function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

/** The last character before `i` that is not white space, with its position. */
function previousSignificant(code: string, i: number): { char: string; at: number } {
  let j = i - 1;
  while (j >= 0 && /\s/.test(code[j] as string)) j -= 1;
  return { char: j >= 0 ? (code[j] as string) : '', at: j };
}

/** True when a `/` at `i` of the code read so far starts a regex literal. */
function startsRegex(code: string, i: number): boolean {
  const prev = previousSignificant(code, i);
  if (prev.char === '' || REGEX_AFTER_CHAR.has(prev.char)) return true;
  return REGEX_AFTER_WORD.test(code.slice(Math.max(0, prev.at - 10), prev.at + 1));
}

/** End (exclusive) of a quoted string starting at `i`. */
function endOfQuote(text: string, i: number): number {
  const quote = text[i];
  let j = i + 1;
  while (j < text.length && text[j] !== quote && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, text.length);
}

/** End (exclusive) of a regex literal starting at `i`, flags included. */
function endOfRegex(text: string, i: number): number {
  let j = i + 1;
  let inClass = false;
  while (j < text.length && text[j] !== '\n') {
    const c = text[j];
    if (c === '\\') j += 1;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) break;
    j += 1;
  }
  j += 1;
  while (j < text.length && /[a-z]/i.test(text[j] as string)) j += 1;
  return Math.min(j, text.length);
}

/**
 * The code of a file with comments, string contents, template text and regex literals turned into
 * spaces. A template's `${...}` stays code, so a function written inside one is still found.
 */
export function codeOnly(text: string): string {
  let out = '';
  let i = 0;
  // One entry per open `${`: the brace depth inside it, so its `}` returns to the template text.
  const templates: number[] = [];
  const inTemplateText = (): boolean => templates.length > 0 && templates[templates.length - 1] === -1;
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (inTemplateText()) {
      if (c === '`') {
        templates.pop();
        out += c;
        i += 1;
      } else if (c === '$' && next === '{') {
        templates[templates.length - 1] = 0;
        out += '${';
        i += 2;
      } else {
        const step = c === '\\' ? 2 : 1;
        out += blank(text.slice(i, i + step));
        i += step;
      }
      continue;
    }
    let end = i + 1;
    if (c === '/' && next === '/') end = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    else if (c === '/' && next === '*')
      end = text.indexOf('*/', i + 2) === -1 ? text.length : text.indexOf('*/', i + 2) + 2;
    else if (c === "'" || c === '"') {
      end = endOfQuote(text, i);
      out += c + blank(text.slice(i + 1, end - 1)) + text[end - 1];
      i = end;
      continue;
    } else if (c === '/' && startsRegex(out, i)) end = endOfRegex(text, i);
    else {
      const top = templates.length - 1;
      const depth = templates[top] ?? 0;
      if (c === '`') templates.push(-1);
      else if (top >= 0 && c === '{') templates[top] = depth + 1;
      else if (top >= 0 && c === '}') templates[top] = depth === 0 ? -1 : depth - 1;
      out += c;
      i += 1;
      continue;
    }
    out += blank(text.slice(i, end));
    i = end;
  }
  return out;
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSE = new Set([')', ']', '}']);

/** Position of the bracket that closes the one at `i` (or the end of the code). */
function matching(code: string, i: number): number {
  let depth = 0;
  for (let j = i; j < code.length; j += 1) {
    const c = code[j] as string;
    if (c in OPEN) depth += 1;
    else if (CLOSE.has(c)) {
      depth -= 1;
      if (depth === 0) return j;
    }
  }
  return code.length - 1;
}

/** Position of the `(` that the `)` at `i` closes, or -1. */
function matchingBack(code: string, i: number): number {
  let depth = 0;
  for (let j = i; j >= 0; j -= 1) {
    const c = code[j] as string;
    if (CLOSE.has(c)) depth += 1;
    else if (c in OPEN) {
      depth -= 1;
      if (depth === 0) return j;
    }
  }
  return -1;
}

/**
 * After the `)` of a parameter list at `close`: the position of the body's `{`, or -1 when none
 * follows. A return type is skipped; in it a `{` right after `:`, `|`, `&`, `<`, `,`, `(` or `=>`
 * opens an object type, any other `{` the body.
 */
function bodyAfterParameters(code: string, close: number): number {
  let j = close + 1;
  while (j < code.length && /\s/.test(code[j] as string)) j += 1;
  if (code[j] === '{') return j;
  if (code[j] !== ':') return -1;
  let angle = 0;
  for (j += 1; j < code.length; j += 1) {
    const c = code[j] as string;
    if (c === '=' && code[j + 1] === '>') j += 1;
    else if (c === '<') angle += 1;
    else if (c === '>') angle -= 1;
    else if (c === '(' || c === '[') j = matching(code, j);
    else if (c === '{') {
      const prev = previousSignificant(code, j).char;
      if (angle === 0 && !':|&<,(>'.includes(prev)) return j;
      if (angle === 0 && prev === '>' && code[previousSignificant(code, j).at - 1] !== '=') return j;
      j = matching(code, j);
    } else if (c === ';' || c === '=' || CLOSE.has(c) || (c === ',' && angle === 0)) return -1;
  }
  return -1;
}

/**
 * End of an arrow's expression body that starts at `i`: the last position before what ends it. A
 * `{` right after a word or a closing bracket gives -1: that arrow was a function type
 * (`(): () => void {`), not a function, and the `{` is the body of the function it typed.
 */
function endOfExpression(code: string, i: number): number {
  for (let j = i; j < code.length; j += 1) {
    const c = code[j] as string;
    if (c === '{' && /[\w$)\]]/.test(previousSignificant(code, j).char)) return -1;
    if (c in OPEN) j = matching(code, j);
    else if (CLOSE.has(c) || c === ',' || c === ';') return j - 1;
  }
  return code.length - 1;
}

/** The 1-based line of every position, computed once per file. */
function lineIndex(text: string): (at: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (at) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The name a function is declared or assigned under, read from the line it starts on. */
function nameOn(line: string): string {
  const m =
    line.match(/\bfunction\*?\s+([\w$]+)/) ??
    line.match(/\b(?:const|let|var)\s+([\w$]+)/) ??
    line.match(/([\w$]+)\s*(?:=|:)\s*(?:async\s*)?(?:\(|[\w$]+\s*=>)/) ??
    line.match(/([\w$]+)\s*(?:<[^>]*>)?\s*\(/);
  return m && !KEYWORDS.has(m[1] as string) ? (m[1] as string) : '(anonymous)';
}

/** True when the comment lines right above `line` (1-based) hold one starting `Long:`. */
function excusedAbove(lines: readonly string[], line: number): boolean {
  for (let i = line - 2; i >= 0; i -= 1) {
    const trimmed = (lines[i] as string).trim();
    if (!/^(?:\/\/|\/\*|\*)/.test(trimmed)) return false;
    if (/^(?:\/\/|\/\*+|\*)\s*Long:\s*\S/.test(trimmed)) return true;
  }
  return false;
}

/** Every function in a file, in the order they start; nested functions are listed on their own. */
export function findFunctions(text: string): FunctionSpan[] {
  const code = codeOnly(text);
  const lineOf = lineIndex(text);
  const lines = text.split('\n');
  const spans = new Map<number, FunctionSpan>();
  const add = (start: number, end: number, key: number) => {
    if (spans.has(key)) return;
    const startLine = lineOf(start);
    spans.set(key, {
      name: nameOn(lines[startLine - 1] as string),
      startLine,
      endLine: lineOf(end),
      excused: excusedAbove(lines, startLine),
    });
  };
  for (let i = 0; i < code.length; i += 1) {
    const c = code[i];
    if (c === '=' && code[i + 1] === '>') {
      const prev = previousSignificant(code, i);
      const open = prev.char === ')' ? matchingBack(code, prev.at) : prev.at;
      let j = i + 2;
      while (j < code.length && /\s/.test(code[j] as string)) j += 1;
      if (code[j] === '{') add(open, matching(code, j), j);
      else {
        const end = endOfExpression(code, j);
        if (end !== -1) add(open, end, j);
      }
    } else if (c === '(') {
      const before = code.slice(Math.max(0, i - 40), i).match(/([\w$]+)\s*(?:<[^()]*>)?\s*$/);
      if (before && CONTROL.has(before[1] as string)) continue;
      const close = matching(code, i);
      const body = bodyAfterParameters(code, close);
      if (body !== -1) add(i, matching(code, body), body);
    }
  }
  return [...spans.values()].sort((a, b) => a.startLine - b.startLine);
}

/** The rules: files of at most `maxFileLines` lines, functions of at most `maxFunctionLines`. */
export interface LengthLimits {
  readonly maxFileLines: number;
  readonly maxFunctionLines: number;
}

/** Every file or function over its limit; a function excused by a `Long:` comment is not one. */
export function checkLengths(
  files: readonly { path: string; text: string }[],
  limits: LengthLimits,
): LengthViolation[] {
  const found: LengthViolation[] = [];
  for (const file of files) {
    const fileLines = file.text.replace(/\n$/, '').split('\n').length;
    if (fileLines > limits.maxFileLines) {
      found.push({
        file: file.path,
        line: 1,
        says: `file has ${fileLines} lines (at most ${limits.maxFileLines})`,
      });
    }
    for (const fn of findFunctions(file.text)) {
      const length = fn.endLine - fn.startLine + 1;
      if (length > limits.maxFunctionLines && !fn.excused) {
        found.push({
          file: file.path,
          line: fn.startLine,
          says: `${fn.name} has ${length} lines (at most ${limits.maxFunctionLines}, or a "// Long:" comment above it saying why)`,
        });
      }
    }
  }
  return found;
}

/** One line per violation, `file:line: what`, for a failure a person can act on. */
export function describeLengthViolations(violations: readonly LengthViolation[]): string {
  return violations.map((v) => `${v.file}:${v.line}: ${v.says}`).join('\n');
}

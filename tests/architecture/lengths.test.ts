/**
 * Keeps modules small enough to read: no source file of `src/` over 400 lines and no function over
 * 100, unless a comment starting `// Long:` right above the function says why it stays long.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLengths, codeOnly, describeLengthViolations, findFunctions } from './length-check';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LIMITS = { maxFileLines: 400, maxFunctionLines: 100 } as const;

/** Every `.ts` file under `src/`, as repository paths with `/`. */
function readSources(): { path: string; text: string }[] {
  return readdirSync(`${ROOT}src`, { recursive: true, encoding: 'utf8' })
    .map((name) => `src/${name.split('\\').join('/')}`)
    .filter((path) => path.endsWith('.ts'))
    .sort()
    .map((path) => ({ path, text: readFileSync(`${ROOT}${path}`, 'utf8') }));
}

describe('source lengths', () => {
  it('has no file over 400 lines and no function over 100 lines without a "// Long:" reason', () => {
    const sources = readSources();
    expect(sources.length).toBeGreaterThan(50);
    expect(describeLengthViolations(checkLengths(sources, LIMITS))).toBe('');
  });
});

/** `n` numbered statement lines, the filler of a planted function. */
function body(n: number): string {
  return Array.from({ length: n }, (_, i) => `  total += ${i};`).join('\n');
}

describe('length checker', () => {
  // Planted code: if the scanner stopped finding these, the rule above would pass on anything.
  const planted = [
    '/** A doc comment. */',
    'export function declared(a: number): { total: number } {', // line 2
    '  let total = a;',
    "  const text = '} not a brace {';",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: planted source text holding a template
    '  const tpl = `${text} } ${(() => { return 1; })()}`;', // an arrow inside a template
    '  const re = /[}{]/g;',
    '  // } a comment with a brace',
    '  return { total };',
    '}', // line 9
    'export const arrow = async (x: number): Promise<void> => {', // line 10
    body(3),
    '};', // line 14
    'class Box {',
    '  method<T>(value: T): () => void {', // line 16
    '    return () =>', // line 17
    '      void value;', // line 18
    '  }', // line 19
    '  if (x) {',
    '  }',
    '}',
  ].join('\n');

  it('blanks strings, comments, regexes and template text, keeping lines and template code', () => {
    const code = codeOnly(planted);
    expect(code.split('\n').length).toBe(planted.split('\n').length);
    expect(code).not.toContain('not a brace');
    expect(code).not.toContain('a comment');
    expect(code).not.toContain('[}{]');
    expect(code).toContain('return 1;');
  });

  it('finds declarations, arrows, methods and nested functions with the lines they span', () => {
    const found = findFunctions(planted).map((f) => `${f.name} ${f.startLine}-${f.endLine}`);
    expect(found).toEqual(['declared 2-9', 'tpl 5-5', 'arrow 10-14', 'method 16-19', '(anonymous) 17-18']);
  });

  it('reports a long file and a long function, and lets a "// Long:" comment excuse the function', () => {
    const long = `export function tooLong(): number {\n  let total = 0;\n${body(100)}\n  return total;\n}`;
    const excused = `/** Sums. */\n// Long: one table of cases reads best in one place.\n${long}`;
    const arrow = `const handlers = {\n  onClick: () => {\n${body(101)}\n  },\n};`;
    const report = checkLengths(
      [
        { path: 'src/a.ts', text: long },
        { path: 'src/b.ts', text: excused },
        { path: 'src/c.ts', text: arrow },
        { path: 'src/d.ts', text: body(401) },
      ],
      LIMITS,
    );
    expect(describeLengthViolations(report).split('\n')).toEqual([
      'src/a.ts:1: tooLong has 104 lines (at most 100, or a "// Long:" comment above it saying why)',
      'src/c.ts:2: onClick has 103 lines (at most 100, or a "// Long:" comment above it saying why)',
      'src/d.ts:1: file has 401 lines (at most 400)',
    ]);
  });
});

/**
 * Reads TypeScript sources as plain text and finds imports that break a folder rule. It is a regex
 * over the text, not a compiler pass, so it runs in a blink and sees exactly what a reviewer sees:
 * `import ... from '...'`, `export ... from '...'`, `import '...'` and `import('...')`. Comments are
 * blanked first, so a comment that mentions an import is not one.
 */
import { posix } from 'node:path';

/** One source file, its path relative to the repository root with `/` between folders. */
export interface SourceFile {
  /** For example `src/app/main.ts`. */
  readonly path: string;
  /** The file's whole text. */
  readonly text: string;
}

/** What an import reaches: a folder of `src/`, something else in the repository, or a package. */
export type ImportTarget =
  | { readonly kind: 'src'; readonly folder: string }
  | { readonly kind: 'repo'; readonly folder: string }
  | { readonly kind: 'package'; readonly name: string };

/** One import statement (or dynamic import) found in a file. */
export interface ImportSite {
  /** The importing file's path. */
  readonly file: string;
  /** The `src/` folder the importing file sits in. */
  readonly from: string;
  /** 1-based line where the statement starts. */
  readonly line: number;
  /** The module specifier as written (`../storage`, `blockly/core`). */
  readonly specifier: string;
  /** True for `import('...')`, which loads the module only when that line runs. */
  readonly dynamic: boolean;
  /** Where the specifier leads. */
  readonly target: ImportTarget;
}

/** A folder rule, in words and as predicates over what a folder's files import and contain. */
export interface ImportRule {
  /** The rule as a person says it; the failure message repeats it. */
  readonly says: string;
  /** The `src/` folder whose files the rule reads. */
  readonly folder: string;
  /** True for an import the rule forbids. */
  readonly forbids?: (site: ImportSite) => boolean;
  /** Code the rule forbids, matched with comments and string contents blanked. */
  readonly forbidsCode?: RegExp;
}

/** A broken rule at one place in one file. */
export interface Violation {
  /** The offending file. */
  readonly file: string;
  /** 1-based line of the offending statement. */
  readonly line: number;
  /** The import specifier or the forbidden code, as written. */
  readonly found: string;
  /** The rule it breaks, in words. */
  readonly rule: string;
}

/**
 * Blanks comments (and, when asked, the insides of string literals) with spaces, keeping every
 * newline so that positions still give the right line. Quotes end at a line break because a JS
 * string cannot span one, which keeps an odd regex literal from swallowing the rest of a file.
 */
export function blankComments(text: string, blankStrings = false): string {
  let out = '';
  let i = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && (c === '`' || text[j] !== '\n'))
        j += text[j] === '\\' ? 2 : 1;
      const body = text.slice(i + 1, Math.min(j, text.length));
      out += c + (blankStrings ? blank(body) : body) + (j < text.length ? (text[j] as string) : '');
      i = j + 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

// A statement starting a line: `import x from`, `import type {\n a,\n} from`, `export * from`.
const STATIC = /^[ \t]*(?:import|export)\b[^;'"]*?\bfrom\s*(['"])([^'"\n]+)\1/gm;
// A bare `import './style.css';`, kept only for its side effects.
const SIDE_EFFECT = /^[ \t]*import\s*(['"])([^'"\n]+)\1/gm;
const DYNAMIC = /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;

/** The 1-based line of a position in a text. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** The `src/` folder a repository path sits in (`src/app/main.ts` -> `app`), or null outside src. */
export function srcFolder(path: string): string | null {
  const parts = path.split('/');
  return parts[0] === 'src' && parts.length > 2 ? (parts[1] as string) : null;
}

/** Where a specifier written in `file` leads; Vite's `?url` and similar suffixes are dropped. */
export function resolveTarget(file: string, specifier: string): ImportTarget {
  const bare = specifier.replace(/\?.*$/, '');
  if (bare.startsWith('.') || bare.startsWith('/')) {
    const path = bare.startsWith('/')
      ? posix.normalize(bare.slice(1))
      : posix.normalize(posix.join(posix.dirname(file), bare));
    const [top, second] = path.split('/');
    if (top === 'src' && second) return { kind: 'src', folder: second };
    return { kind: 'repo', folder: top as string };
  }
  const parts = bare.split('/');
  const name = bare.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
  return { kind: 'package', name };
}

/** Every import in one file of `src/`, in the order they appear. */
export function findImports(file: SourceFile): ImportSite[] {
  const from = srcFolder(file.path);
  if (from === null) return [];
  const code = blankComments(file.text);
  const sites: { index: number; specifier: string; dynamic: boolean }[] = [];
  for (const pattern of [STATIC, SIDE_EFFECT]) {
    for (const m of code.matchAll(pattern)) {
      const lead = (m[0].match(/^[ \t]*/) as RegExpMatchArray)[0].length;
      sites.push({ index: (m.index ?? 0) + lead, specifier: m[2] as string, dynamic: false });
    }
  }
  for (const m of code.matchAll(DYNAMIC)) {
    sites.push({ index: m.index ?? 0, specifier: m[2] as string, dynamic: true });
  }
  return sites
    .sort((a, b) => a.index - b.index)
    .map((s) => ({
      file: file.path,
      from,
      line: lineAt(code, s.index),
      specifier: s.specifier,
      dynamic: s.dynamic,
      target: resolveTarget(file.path, s.specifier),
    }));
}

/** Every place in `files` where `rule` is broken. */
export function checkRule(files: readonly SourceFile[], rule: ImportRule): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    if (srcFolder(file.path) !== rule.folder) continue;
    if (rule.forbids) {
      for (const site of findImports(file)) {
        if (rule.forbids(site)) {
          violations.push({
            file: file.path,
            line: site.line,
            found: `'${site.specifier}'`,
            rule: rule.says,
          });
        }
      }
    }
    if (rule.forbidsCode) {
      const code = blankComments(file.text, true);
      const pattern = new RegExp(rule.forbidsCode.source, `${rule.forbidsCode.flags.replace('g', '')}g`);
      for (const m of code.matchAll(pattern)) {
        violations.push({ file: file.path, line: lineAt(code, m.index ?? 0), found: m[0], rule: rule.says });
      }
    }
  }
  return violations;
}

/** One line per violation, `file:line: found breaks "rule"`, for a failure a person can act on. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.file}:${v.line}: ${v.found} breaks "${v.rule}"`).join('\n');
}

/** The folder of ours a site reaches (`storage`, or `levels` for the level files), or null for a package. */
export function ourFolder(site: ImportSite): string | null {
  return site.target.kind === 'package' ? null : site.target.folder;
}

/** The package a site reaches (`blockly` for `blockly/core`), or null for code of ours. */
export function packageName(site: ImportSite): string | null {
  return site.target.kind === 'package' ? site.target.name : null;
}

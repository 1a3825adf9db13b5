/**
 * Keeps the data flow of DESIGN's layout true in the code: every folder of `src/` imports only the
 * folders its "may import" column names, plus the rules said one by one. A failure names the
 * file, the line and the import that broke the rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkRule,
  describeViolations,
  findImports,
  type ImportRule,
  type ImportSite,
  ourFolder,
  packageName,
  type SourceFile,
} from './import-check';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every `.ts` file under `src/`, as repository paths with `/`. */
function readSources(): SourceFile[] {
  return readdirSync(`${ROOT}src`, { recursive: true, encoding: 'utf8' })
    .map((name) => `src/${name.split('\\').join('/')}`)
    .filter((path) => path.endsWith('.ts'))
    .sort()
    .map((path) => ({ path, text: readFileSync(`${ROOT}${path}`, 'utf8') }));
}

/**
 * DESIGN's "may import" column: the folders of ours each `src/` folder may import (its own always).
 * `levels` is the built-in level data at the repository root; the level catalog in `game` is the one
 * place that bundles it. Worker "protocol types only" for game and viz is not told apart here.
 */
const MAY_IMPORT: Readonly<Record<string, readonly string[] | 'all'>> = {
  spec: [],
  engine: ['spec'],
  worker: ['engine', 'spec'],
  blocks: ['spec'],
  game: ['spec', 'worker', 'levels'],
  viz: ['spec', 'worker'],
  storage: ['spec'],
  share: ['spec'],
  ui: ['spec'],
  editor: ['spec', 'storage', 'share', 'blocks', 'ui', 'worker'],
  cli: ['spec', 'engine'],
  app: 'all',
};

/** Forbids every folder of ours but the ones named (and the importing folder itself). */
function oursExcept(...allowed: string[]): (site: ImportSite) => boolean {
  return (site) => {
    const folder = ourFolder(site);
    return folder !== null && folder !== site.from && !allowed.includes(folder);
  };
}

/** Forbids the named folders of ours. */
function folders(...forbidden: string[]): (site: ImportSite) => boolean {
  return (site) => forbidden.includes(ourFolder(site) ?? '');
}

/** Forbids the named npm packages, whichever of their entry points is imported. */
function packages(...forbidden: string[]): (site: ImportSite) => boolean {
  return (site) => forbidden.includes(packageName(site) ?? '');
}

/** The rules, one by one, each in the words a reviewer would use. */
const NAMED_RULES: readonly ImportRule[] = [
  { says: 'spec imports nothing of ours', folder: 'spec', forbids: oursExcept() },
  { says: 'engine imports only spec', folder: 'engine', forbids: oursExcept('spec') },
  {
    says: 'engine imports no DOM, Blockly, Phaser or idb package',
    folder: 'engine',
    forbids: packages('blockly', 'phaser', 'idb'),
  },
  {
    says: 'engine never touches document or window',
    folder: 'engine',
    forbidsCode: /\b(?:document|window)\b/,
  },
  { says: 'viz never imports engine', folder: 'viz', forbids: folders('engine') },
  { says: 'game never imports engine', folder: 'game', forbids: folders('engine') },
  { says: 'editor never imports app', folder: 'editor', forbids: folders('app') },
  {
    // The editor loads only when a teacher opens it: a static import would put it in every player's page.
    says: 'app reaches editor only through its route: the dynamic import in app/main.ts',
    folder: 'app',
    forbids: (site) => ourFolder(site) === 'editor' && !(site.dynamic && site.file === 'src/app/main.ts'),
  },
  { says: 'worker never imports storage', folder: 'worker', forbids: folders('storage') },
  { says: 'share never imports storage', folder: 'share', forbids: folders('storage') },
  { says: 'ui imports only spec', folder: 'ui', forbids: oursExcept('spec') },
  {
    says: 'cli imports only spec, engine and node: builtins',
    folder: 'cli',
    forbids: (site) =>
      oursExcept('spec', 'engine')(site) || !(packageName(site) ?? 'node:').startsWith('node:'),
  },
];

/** One rule per row of `MAY_IMPORT`, so the table and the code can't drift apart. */
const TABLE_RULES: readonly ImportRule[] = Object.entries(MAY_IMPORT).flatMap(([folder, allowed]) =>
  allowed === 'all'
    ? []
    : [
        {
          says: `${folder} may import ${allowed.length > 0 ? allowed.join(', ') : 'nothing of ours'}`,
          folder,
          forbids: oursExcept(...allowed),
        },
      ],
);

const sources = readSources();
const srcFolders = readdirSync(`${ROOT}src`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('import rules', () => {
  it('reads the sources of every folder', () => {
    const empty = srcFolders.filter((folder) => !sources.some((f) => f.path.startsWith(`src/${folder}/`)));
    expect(empty).toEqual([]);
  });

  it.each(NAMED_RULES.map((rule) => [rule.says, rule] as const))('%s', (_, rule) => {
    expect(describeViolations(checkRule(sources, rule))).toBe('');
  });

  it.each(TABLE_RULES.map((rule) => [rule.says, rule] as const))('%s (DESIGN table)', (_, rule) => {
    expect(describeViolations(checkRule(sources, rule))).toBe('');
  });

  it('has a row of the may-import table for every folder of src, and no row for a folder that is gone', () => {
    expect(Object.keys(MAY_IMPORT).sort()).toEqual(srcFolders);
  });

  it("lists every folder of src in the README's layout table", () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const layout = readme.slice(readme.indexOf('## Layout'));
    const missing = srcFolders.filter((folder) => !layout.includes(`| \`src/${folder}\``));
    expect(missing).toEqual([]);
  });
});

describe('import checker', () => {
  // Planted files: if the checker stopped finding these, the rules above would pass on anything.
  const fakes: SourceFile[] = [
    {
      path: 'src/spec/types.ts',
      text: [
        "// import { train } from '../engine'; is only a comment",
        "import { z } from 'zod';",
        "import { SpecError } from './errors';",
        'import {',
        '  type Trainer,',
        "} from '../engine/trainer';",
      ].join('\n'),
    },
    {
      path: 'src/engine/draw.ts',
      text: [
        "const label = 'a window of the document';",
        "export const c = document.createElement('canvas');",
      ].join('\n'),
    },
    {
      path: 'src/editor/panel.ts',
      text: [
        "export { el } from '../app/dom';",
        "const app = await import('../app');",
        "import './editor.css';",
      ].join('\n'),
    },
    { path: 'src/app/level-screen.ts', text: "import { showLevelEditor } from '../editor';" },
    { path: 'src/app/main.ts', text: "const { showLevelEditor } = await import('../editor');" },
    { path: 'src/cli/main.ts', text: "import { readFileSync } from 'node:fs';\nimport { z } from 'zod';" },
  ];

  it('finds static, multi-line, re-exported, side-effect and dynamic imports, and skips comments', () => {
    const found = fakes.flatMap(findImports).map((s) => `${s.file}:${s.line} ${s.specifier}`);
    expect(found).toEqual([
      'src/spec/types.ts:2 zod',
      'src/spec/types.ts:3 ./errors',
      'src/spec/types.ts:4 ../engine/trainer',
      'src/editor/panel.ts:1 ../app/dom',
      'src/editor/panel.ts:2 ../app',
      'src/editor/panel.ts:3 ./editor.css',
      'src/app/level-screen.ts:1 ../editor',
      'src/app/main.ts:1 ../editor',
      'src/cli/main.ts:1 node:fs',
      'src/cli/main.ts:2 zod',
    ]);
  });

  it('reports each planted forbidden import and use of document by file, line and what was found', () => {
    const report = [...NAMED_RULES, ...TABLE_RULES].flatMap((rule) => checkRule(fakes, rule));
    expect(describeViolations(report).split('\n')).toEqual([
      `src/spec/types.ts:4: '../engine/trainer' breaks "spec imports nothing of ours"`,
      `src/engine/draw.ts:2: document breaks "engine never touches document or window"`,
      `src/editor/panel.ts:1: '../app/dom' breaks "editor never imports app"`,
      `src/editor/panel.ts:2: '../app' breaks "editor never imports app"`,
      `src/app/level-screen.ts:1: '../editor' breaks "app reaches editor only through its route: the dynamic import in app/main.ts"`,
      `src/cli/main.ts:2: 'zod' breaks "cli imports only spec, engine and node: builtins"`,
      `src/spec/types.ts:4: '../engine/trainer' breaks "spec may import nothing of ours"`,
      `src/editor/panel.ts:1: '../app/dom' breaks "editor may import spec, storage, share, blocks, ui, worker"`,
      `src/editor/panel.ts:2: '../app' breaks "editor may import spec, storage, share, blocks, ui, worker"`,
    ]);
  });
});

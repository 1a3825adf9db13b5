/**
 * The command line against hostile input (issue 18, failures 7 and 8): escape codes, devices, pipes,
 * huge files, blow-ups, unwritable outputs, a BOM, and numbers or names that cannot be shown.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { convblocks, convblocksCapped, slashLevel as level, scratchFolder, slashNetwork } from './run';

const { folder, file } = scratchFolder('convblocks-hostile-');

/** Any character a terminal acts on or hides, other than the line ends the CLI writes itself. */
const RAW = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** The slash network with its classes and weights written in, with changes. */
const network = (changes: Record<string, unknown> = {}) =>
  slashNetwork({
    classes: ['\\', '/'],
    weights: [null, { kernel: [1, -1, -1, 1, -1, 1, 1, -1], bias: [0, 0] }],
    ...changes,
  });

const picture = file('picture.json', ['#.', '.#']);

beforeAll(() => {
  // The first run bundles the sources; later runs reuse the bundle.
  convblocks('--help');
}, 120_000);

/** A run that was refused: exit 1, one line per problem on stderr, nothing a terminal would act on. */
function expectRefused(run: ReturnType<typeof convblocks>, message: RegExp): void {
  expect(run.signal).toBeNull();
  expect(run.stderr).toMatch(message);
  expect(run.code).toBe(1);
  expect(run.stdout + run.stderr).not.toMatch(RAW);
  expect(run.stderr).not.toMatch(/unexpected failure|\n\s+at /);
}

describe('7. control characters are shown escaped', () => {
  it('inspect refuses class names that hold escape sequences and prints none of them', () => {
    const net = file('escape-classes.json', network({ classes: ['\u001b[2J\u001b]0;owned\u0007', 'ok'] }));
    expectRefused(
      convblocks('inspect', net, picture),
      /classes\[0\]: contains a control character U\+001B \(got "\\x1b\[2J\\x1b\]0;owned\\x07"\)/,
    );
  });

  it('check refuses a level whose class names hold escape sequences', () => {
    const path = file('escape-level.json', level({ classes: ['\u001b[31mred', '/'] }));
    expectRefused(convblocks('check', path), /^FAIL .*: classes\[0\]: contains a control character U\+001B/m);
  });

  it('check shows the raw bytes of a broken file escaped', () => {
    const path = file('junk.json', Buffer.from('{"kind": \u001b[2J\u009b31m}', 'utf8'));
    expectRefused(convblocks('check', path), /junk\.json: this is not valid JSON \(.*\\x1b/);
  });

  it('check shows a one-character CSI (U+009B) in a value escaped', () => {
    const path = file('c1.json', level({ kind: 'x\u009b31m' }));
    expectRefused(convblocks('check', path), /kind: expected "convblocks\/level" but got "x\\x9b31m"/);
  });

  it('shows control characters in a file name escaped', () => {
    expectRefused(
      convblocks('check', join(folder, 'no-such-\u001b[31m.json')),
      /no-such-\\x1b\[31m\.json: no such file/,
    );
  });

  it('refuses a level title that turns the text right to left', () => {
    const path = file('rlo-title.json', level({ title: 'Slash \u202egnirts' }));
    expectRefused(convblocks('check', path), /title: contains a direction-changing character U\+202E/);
  });
});

describe('7. only regular files of a sane size are read', () => {
  it('refuses /dev/zero at once instead of reading it forever', () => {
    expectRefused(convblocksCapped(2048, 'inspect', '/dev/zero', picture), /\/dev\/zero: is not a file/);
  });

  it('refuses a named pipe without waiting for a writer', () => {
    const pipe = join(folder, 'pipe.json');
    execFileSync('mkfifo', [pipe]);
    expectRefused(convblocks('check', pipe), /pipe\.json: is not a file \(a named pipe\)/);
  });

  it('refuses a file bigger than any document before reading it', () => {
    const huge = join(folder, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 100 * 1024 * 1024);
    expectRefused(
      convblocksCapped(2048, 'train', huge, picture),
      /huge\.json: is 100 MB, more than the 64 MB a network or level file may have/,
    );
  });
});

describe('7. every failure goes to stderr with a non-zero exit', () => {
  // The same picture under both labels with huge pixels and a huge step: the loss can only blow up.
  const exploding = level({
    id: 'boom',
    classes: ['a', 'b'],
    train: ['a', 'b', 'a', 'b'].map((label, i) => ({
      label,
      picture:
        i < 2
          ? [
              [1e6, -1e6],
              [-1e6, 1e6],
            ]
          : [
              [-1e6, 1e6],
              [1e6, -1e6],
            ],
    })),
    test: [
      { label: 'a', picture: ['#.', '.#'] },
      { label: 'b', picture: ['.#', '#.'] },
    ],
  });
  const explosive = network({
    classes: ['a', 'b'],
    layers: [{ type: 'flatten' }, { type: 'dense', units: 8 }, { type: 'dense', units: 2 }],
    training: { optimizer: 'sgd', learningRate: 10, momentum: 0.9 },
    weights: undefined,
  });

  it('train exits non-zero and says so on stderr when the loss blows up', () => {
    const out = join(folder, 'boom-out.json');
    const run = convblocks(
      'train',
      file('boom.json', exploding),
      file('boom-net.json', explosive),
      '--out',
      out,
    );
    expectRefused(run, /boom: the loss blew up: try a smaller learning rate/);
    expect(run.stdout).not.toMatch(/blew up/);
    expect(run.stderr).not.toMatch(/wrote/);
  });

  it('check reports every failing level on stderr and only passing ones on stdout', () => {
    const good = file('good.json', level());
    const unreadable = file('broken.json', '{"kind": ');
    const noReference = file('no-reference.json', level({ id: 'no-reference', reference: undefined }));
    const hopeless = file(
      'hopeless.json',
      level({
        id: 'hopeless',
        // One test picture under both labels: no network can get both right.
        test: [
          { label: '\\', picture: ['#.', '.#'] },
          { label: '/', picture: ['#.', '.#'] },
        ],
      }),
    );
    const untested = file('untested.json', level({ id: 'untested', test: [] }));
    const run = convblocks('check', good, unreadable, noReference, hopeless, untested);
    expectRefused(run, /^FAIL .*broken\.json: this is not valid JSON/m);
    expect(run.stderr).toMatch(
      /^FAIL .*untested\.json: test: is empty: a level is won on its hidden test pictures$/m,
    );
    expect(run.stderr).toMatch(/^FAIL .*no-reference\.json: reference: is missing/m);
    expect(run.stderr).toMatch(
      /^FAIL hopeless: reference misses the goal on seed 1: test 50\.0% \(goal 100\.0%\)/m,
    );
    expect(run.stderr).toMatch(/^1 passed, 4 failed \(/m);
    expect(run.stdout).toMatch(/^ok {3}slash-2x2$/m);
    expect(run.stdout).not.toMatch(/FAIL|failed/);
  });

  it('says in one line that --out cannot be written into a missing folder, before training', () => {
    const out = join(folder, 'missing-folder', 'trained.json');
    const run = convblocks('train', file('l.json', level()), file('n.json', network()), '--out', out);
    expectRefused(
      run,
      /^convblocks: .*missing-folder\/trained\.json: cannot be written: its folder does not exist$/m,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  it('says in one line that --out cannot be a folder', () => {
    const out = join(folder, 'a-folder');
    mkdirSync(out);
    const run = convblocks('train', file('l2.json', level()), file('n2.json', network()), '--out', out);
    expectRefused(run, /^convblocks: .*a-folder: cannot be written: it is a folder$/m);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('7. a file that starts with a byte order mark opens as in the browser', () => {
  const BOM = '\ufeff';

  it('check reads a level file with a BOM', () => {
    const run = convblocks('check', file('bom-level.json', `${BOM}${JSON.stringify(level())}`));
    expect(run.stderr).not.toMatch(/FAIL|not valid JSON/);
    expect(run.stdout).toMatch(/^ok {3}slash-2x2$/m);
    expect(run.code).toBe(0);
  });

  it('inspect reads a network and a picture with a BOM', () => {
    const net = file('bom-net.json', `${BOM}${JSON.stringify(network())}`);
    const pic = file('bom-picture.json', `${BOM}${JSON.stringify(['#.', '.#'])}`);
    const run = convblocks('inspect', net, pic);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/votes: \\: \d+\.\d%, \/: \d+\.\d%/);
    expect(run.code).toBe(0);
  });
});

describe('8. values that cannot be trained or shown are refused', () => {
  it('inspect refuses weights of 1e308 instead of printing NaN', () => {
    const net = file(
      'huge-weights.json',
      network({ weights: [null, { kernel: [1e308, -1, -1, 1, -1, 1, 1, -1], bias: [0, 0] }] }),
    );
    const run = convblocks('inspect', net, picture);
    expectRefused(run, /weights\[1\]\.kernel\[0\]: expected a number at most 1000000 but got 1e\+308/);
    expect(run.stdout).not.toMatch(/NaN/);
  });

  it('inspect refuses a network whose outputs overflow to infinity, naming the layer', () => {
    // Each 1e6 weight multiplies the value by a million: past 3.4e38 float32 holds no number.
    const deep = Array.from({ length: 6 }, () => ({ type: 'dense', units: 1 }));
    const net = file(
      'overflow.json',
      network({
        classes: ['a', 'b'],
        input: [1, 1, 1],
        layers: [{ type: 'flatten' }, ...deep, { type: 'dense', units: 2 }],
        weights: [
          null,
          ...deep.map(() => ({ kernel: [1e6], bias: [0] })),
          { kernel: [1e6, -1e6], bias: [0, 0] },
        ],
      }),
    );
    const run = convblocks('inspect', net, file('one-pixel.json', [[1e6]]));
    expectRefused(run, /layers\[\d\]: the dense layer gives Infinity/);
    expect(run.stdout).not.toMatch(/NaN/);
  });

  it('refuses filters: 1e308 with the conv block limit of 256', () => {
    const path = file(
      'huge-filters.json',
      level({
        reference: {
          layers: [
            { type: 'conv', filters: 1e308, size: 1 },
            { type: 'flatten' },
            { type: 'dense', units: 2 },
          ],
          training: {},
        },
      }),
    );
    expectRefused(
      convblocks('check', path),
      /reference\.layers\[0\]\.filters: expected a number at most 256 but got 1e\+308/,
    );
  });

  it('refuses class names that look the same as another (cat and ca\\u200Bt)', () => {
    const path = file('look-alike.json', level({ classes: ['cat', 'ca\u200bt'] }));
    expectRefused(
      convblocks('check', path),
      /classes\[1\]: contains an invisible character U\+200B \(got "ca\\u200bt"\)/,
    );
  });
});

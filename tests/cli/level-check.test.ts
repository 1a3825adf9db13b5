/**
 * The verdicts of `convblocks check` on a tiny level: which networks on which seeds, and a trap that
 * wins, a proof that misses its star and a reference that loses each fail naming the network, the
 * seed and the accuracy. The runs here are real trainings on the engine.
 */
import { describe, expect, it } from 'vitest';
import { runOnSeed } from '../../src/cli/check-runs';
import {
  type CheckedNetwork,
  checkedNetworks,
  checkedSeeds,
  levelReport,
  limitProblem,
  runVerdict,
  type SeedRun,
} from '../../src/cli/level-check';
import { type LayerSpec, parseLevel } from '../../src/spec';
import { slashLevel } from './run';

const flattenDense: LayerSpec[] = [{ type: 'flatten' }, { type: 'dense', units: 2 }];

/** The slash level with a trap that is in truth a winning network, and a proof on each star. */
const tiny = (changes: Record<string, unknown> = {}) =>
  parseLevel(
    slashLevel({
      version: 2,
      training: { learningRate: 0.1, seed: 7 },
      stars: [
        { maxParams: 10, proof: { layers: flattenDense } },
        { maxSteps: 10, proof: { layers: flattenDense, training: { learningRate: 0.0001 } } },
      ],
      traps: [{ idea: 'a Dense block alone', layers: flattenDense }],
      ...changes,
    }),
  );

const run = (seed: number, testAccuracy: number, changes: Partial<SeedRun> = {}): SeedRun => ({
  seed,
  testAccuracy,
  trainAccuracy: 1,
  steps: 40,
  diverged: false,
  ...changes,
});

describe('what convblocks check trains', () => {
  it("checks the level's own seed and seeds 1 to 5, each once", () => {
    expect(checkedSeeds(tiny())).toEqual([1, 2, 3, 4, 5, 7]);
    expect(checkedSeeds(tiny({ training: { seed: 3 } }))).toEqual([1, 2, 3, 4, 5]);
  });

  it('trains the reference, each star proof and each trap, with the level training where they have none', () => {
    const networks = checkedNetworks(tiny());
    expect(networks.map((n) => [n.role, n.name])).toEqual([
      ['reference', 'reference'],
      ['proof', 'star 2 (at most 10 parameters)'],
      ['proof', 'star 3 (within 10 training steps)'],
      ['trap', 'trap "a Dense block alone"'],
    ]);
    expect(networks[1]?.training.learningRate).toBe(0.1);
    expect(networks[2]?.training.learningRate).toBe(0.0001);
    expect(networks[3]?.training.learningRate).toBe(0.1);
  });

  it('refuses a proof the level would not let a player build', () => {
    const level = tiny({ limits: { blocks: ['flatten', 'dense'], maxLayers: 1 } });
    expect(limitProblem(level, flattenDense)).toBe("it has 2 blocks, more than the level's 1");
    const conv = [{ type: 'conv', filters: 1, size: 1, stride: 1, padding: 'valid' } as const];
    expect(
      limitProblem(tiny({ limits: { blocks: ['flatten', 'dense'] } }), [
        ...conv,
        { type: 'flatten' },
        { type: 'dense', units: 2 },
      ]),
    ).toBe('it uses a conv block, which the level does not offer');
  });

  it("names the largest filter over the level's cap, and not a pool window", () => {
    const conv = (size: number) => ({ type: 'conv', filters: 1, size, stride: 1, padding: 'same' }) as const;
    const head = [{ type: 'flatten' }, { type: 'dense', units: 2 }] as const;
    const blocks = ['conv', 'pool', 'flatten', 'dense'];
    const capped = tiny({ version: 3, limits: { blocks, maxFilterSize: 5 } });
    expect(limitProblem(capped, [conv(3), conv(7), conv(6), ...head])).toBe(
      "it has a 7x7 filter, larger than the level's 5x5",
    );
    expect(limitProblem(capped, [conv(5), ...head])).toBeNull();
    const pool = { type: 'pool', op: 'max', size: 8, stride: 8, padding: 'same' } as const;
    expect(limitProblem(capped, [conv(2), pool, ...head])).toBeNull();
    expect(limitProblem(tiny({ limits: { blocks } }), [conv(7), ...head])).toBeNull();
  });
});

describe('the verdict on each run', () => {
  const level = tiny();
  const [reference, params, steps, trap] = checkedNetworks(level) as [
    CheckedNetwork,
    CheckedNetwork,
    CheckedNetwork,
    CheckedNetwork,
  ];

  it('passes a winning reference and a losing trap', () => {
    expect(runVerdict(level, reference, run(1, 1))).toEqual({ ok: true });
    expect(runVerdict(level, trap, run(1, 0.5))).toEqual({ ok: true });
    expect(runVerdict(level, trap, run(1, 1, { diverged: true }))).toEqual({ ok: true });
  });

  it('fails a reference that misses, a trap that wins and a proof that misses its star, saying why', () => {
    expect(runVerdict(level, reference, run(4, 0.5)).why).toBe(
      'misses the goal on seed 4: test 50.0% (goal 100.0%), train 100.0%, 40 steps',
    );
    expect(runVerdict(level, trap, run(2, 1)).why).toBe(
      'reaches the goal on seed 2: test 100.0% (goal 100.0%), train 100.0%, 40 steps: the wrong idea wins',
    );
    expect(runVerdict(level, steps, run(3, 1, { steps: 20 })).why).toBe(
      'reaches the goal but not the star on seed 3: test 100.0% (goal 100.0%), train 100.0%, 20 steps: it was judged after 20 steps',
    );
    expect(runVerdict(level, steps, run(3, 1, { steps: 10 }))).toEqual({ ok: true });
    expect(runVerdict(level, params, run(3, 1))).toEqual({ ok: true });
  });

  it('draws a table row per network and a failure line naming the level, network, seed and accuracy', () => {
    const seeds = [1, 2];
    const report = levelReport(
      level,
      [reference, trap],
      [seeds.map((s) => run(s, 1)), [run(1, 0.5), run(2, 1)]],
    );
    expect(report.lines[0]).toBe('slash-2x2: goal 100.0% on 2 hidden test pictures');
    expect(report.lines[2]).toMatch(/^ {2}reference +100\.0% +100\.0% +ok wins 2\/2$/);
    expect(report.lines[3]).toMatch(/^ {2}trap "a Dense block alone" +50\.0% +100\.0%! +BAD wins 1\/2$/);
    expect(report.failures).toEqual([
      'slash-2x2: trap "a Dense block alone" reaches the goal on seed 2: test 100.0% (goal 100.0%), train 100.0%, 40 steps: the wrong idea wins',
    ]);
  });
});

describe('a real check of the tiny level', () => {
  it('finds that its trap wins and its slow proof misses the steps star', async () => {
    const level = tiny();
    const networks = checkedNetworks(level);
    const runs: SeedRun[][] = [];
    for (const network of networks) runs.push([await runOnSeed(level, network, 1, 'plain')]);
    const report = levelReport(level, networks, runs);
    expect(report.failures).toHaveLength(2);
    expect(report.failures[0]).toMatch(
      /^slash-2x2: star 3 \(within 10 training steps\) (misses the goal|reaches the goal but not the star) on seed 1: test /,
    );
    expect(report.failures[1]).toMatch(
      /^slash-2x2: trap "a Dense block alone" reaches the goal on seed 1: test 100\.0%/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  type Candidate,
  candidateLabel,
  sizeTo,
  skipsPixels,
  suggestCandidates,
} from '../../src/editor/suggest';
import { searchNetworks, type Trial, trialOnSeeds } from '../../src/editor/suggest-search';
import { classifierProblem, LAYER_TYPES, type LayerSpec, type LevelLimits } from '../../src/spec';

const every: LevelLimits = { blocks: [...LAYER_TYPES] };

/** x-vs-o's reference network: windows of 3 over 9x9 pictures, two classes. */
const xVsO: LayerSpec[] = [
  { type: 'conv', filters: 6, size: 3, stride: 1, padding: 'valid' },
  { type: 'relu' },
  { type: 'pool', op: 'max', size: 3, stride: 2, padding: 'same' },
  { type: 'flatten' },
  { type: 'dense', units: 2 },
];
const happyFace: LayerSpec[] = [
  { type: 'conv', filters: 4, size: 5, stride: 1, padding: 'valid' },
  { type: 'relu' },
  { type: 'pool', op: 'max', size: 3, stride: 3, padding: 'valid' },
  { type: 'flatten' },
  { type: 'dense', units: 2 },
];

describe('the networks Suggest tries', () => {
  it('never suggests a network that leaves pixels unread', () => {
    const pool = (size: number, stride: number, padding: 'valid' | 'same' = 'valid'): LayerSpec => ({
      type: 'pool',
      op: 'avg',
      size,
      stride,
      padding,
    });
    // A 4-wide window with stride 4 on 5 pixels never reads the fifth row and column.
    expect(skipsPixels([5, 5, 1], [pool(4, 4)])).toBe(true);
    expect(skipsPixels([8, 8, 1], [pool(4, 4)])).toBe(false);
    expect(skipsPixels([5, 5, 1], [pool(4, 4, 'same')])).toBe(false);
    expect(skipsPixels([9, 9, 1], [pool(2, 3, 'same')])).toBe(true);
    const candidates = suggestCandidates(
      [5, 5, 1],
      2,
      { blocks: ['conv', 'relu', 'pool', 'flatten', 'dense'], maxLayers: 10 },
      [[pool(4, 4), { type: 'flatten' }, { type: 'dense', units: 2 }]],
    );
    expect(candidates.filter((c) => skipsPixels([5, 5, 1], c.layers))).toEqual([]);
    expect(candidates.some((c) => c.label === 'pool 4, dense 2')).toBe(false);
  });

  it('sizes a reference to small pictures and many classes', () => {
    // On 3x3 pictures the 5-wide window shrinks to 3, the pool after it to the 1x1 left.
    expect(sizeTo(happyFace, [3, 3, 1], 7)).toEqual([
      { type: 'conv', filters: 4, size: 3, stride: 1, padding: 'valid' },
      { type: 'relu' },
      { type: 'pool', op: 'max', size: 1, stride: 1, padding: 'valid' },
      { type: 'flatten' },
      { type: 'dense', units: 7 },
    ]);
  });

  it('runs every candidate, one Dense unit per class, fewest parameters first, each shape once', () => {
    const found = suggestCandidates([5, 5, 1], 3, every, [xVsO, happyFace, xVsO]);
    expect(found.length).toBeGreaterThan(5);
    for (const c of found) expect(classifierProblem([5, 5, 1], c.layers, 3)).toBeNull();
    const params = found.map((c) => c.params);
    expect(params).toEqual([...params].sort((a, b) => a - b));
    expect(new Set(found.map((c) => JSON.stringify(c.layers))).size).toBe(found.length);
    // The reference shape itself, sized: 6 filters of 3x3 (60), then 2x2x6 into 3 units (75).
    expect(found.find((c) => c.label === 'conv 6 filters 3x3, pool 3, dense 3')?.params).toBe(135);
  });

  it.each<[string, LevelLimits, (c: Candidate) => boolean]>([
    [
      'no Pool',
      { blocks: ['conv', 'relu', 'flatten', 'dense'] },
      (c) => !c.layers.some((l) => l.type === 'pool'),
    ],
    ['at most 3 blocks', { ...every, maxLayers: 3 }, (c) => c.layers.length <= 3],
    ['at most 60 parameters', { ...every, maxParams: 60 }, (c) => c.params <= 60],
    [
      'no Conv by count',
      { ...every, maxBlocks: { conv: 0 } },
      (c) => !c.layers.some((l) => l.type === 'conv'),
    ],
  ])('keeps to a level with %s', (_, limits, keeps) => {
    const found = suggestCandidates([5, 5, 1], 2, limits, [xVsO, happyFace]);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every(keeps)).toBe(true);
  });

  it('gives nothing when no Flatten is allowed', () => {
    expect(suggestCandidates([5, 5, 1], 2, { blocks: ['conv', 'dense'] }, [xVsO])).toEqual([]);
  });

  it('names a network by its main blocks', () => {
    expect(candidateLabel(xVsO)).toBe('conv 6 filters 3x3, pool 3, dense 2');
  });
});

describe("Suggest's search", () => {
  it('counts a win only when it holds on every proving seed, stopping at the first loss', async () => {
    const tried: number[] = [];
    const trial = (seed: number, testAccuracy: number): Trial => ({
      testAccuracy,
      steps: 10 * seed,
      won: testAccuracy === 1,
      stopped: false,
    });
    const accuracies = new Map([
      [1, 1],
      [2, 1],
      [3, 0.5],
      [4, 1],
    ]);
    const lucky = await trialOnSeeds([1, 2, 3, 4], async (seed) => {
      tried.push(seed);
      return trial(seed, accuracies.get(seed) ?? 0);
    });
    expect(lucky).toEqual(trial(3, 0.5));
    expect(tried).toEqual([1, 2, 3]);
    const steady = await trialOnSeeds([1, 2], async (seed) => trial(seed, 1));
    expect(steady.won).toBe(true);
  });

  const candidates = suggestCandidates([5, 5, 1], 2, every, [xVsO, happyFace]).slice(0, 4);
  const trial = (testAccuracy: number, won = false, stopped = false): Trial => ({
    testAccuracy,
    steps: 10,
    won,
    stopped,
  });

  it('stops at the first winner and says which it tried', async () => {
    const heard: number[] = [];
    const results = [trial(0.5), trial(1, true), trial(1, true)];
    const outcome = await searchNetworks(
      candidates,
      async () => results.shift() ?? trial(0),
      (i) => heard.push(i),
    );
    expect(heard).toEqual([0, 1]);
    expect(outcome).toMatchObject({ tried: 2, cancelled: false, best: { candidate: candidates[1] } });
  });

  it('keeps the best by test accuracy, the smaller on a tie, when none wins', async () => {
    const results = [trial(0.5), trial(0.75), trial(0.75), trial(0.25)];
    const outcome = await searchNetworks(candidates, async () => results.shift() ?? trial(0));
    expect(outcome.tried).toBe(4);
    expect(outcome.best?.candidate).toBe(candidates[1]);
    expect(outcome.best?.trial.testAccuracy).toBe(0.75);
  });

  it('stops when cancelled, keeping what was judged', async () => {
    let cancel = false;
    const outcome = await searchNetworks(
      candidates,
      async () => {
        cancel = true;
        return trial(0.5);
      },
      () => {},
      () => cancel,
    );
    expect(outcome).toMatchObject({ tried: 1, cancelled: true, best: { candidate: candidates[0] } });
    const stopped = await searchNetworks(candidates, async () => trial(0, false, true));
    expect(stopped).toMatchObject({ tried: 1, cancelled: true, best: null });
  });
});

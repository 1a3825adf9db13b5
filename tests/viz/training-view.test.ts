// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LayerSpec } from '../../src/spec';
import { FramePacer } from '../../src/viz/frame-pacer';
import { formatLoss, mountTrainingView, type TrainingViewOptions } from '../../src/viz/training-view';
import type { ViewSnapshot } from '../../src/viz/types';

const layers: LayerSpec[] = [
  { type: 'conv', filters: 1, size: 2, stride: 1, padding: 'valid' },
  { type: 'flatten' },
  { type: 'dense', units: 2 },
];
const pictures = [
  { label: 'X', classIndex: 0, pixels: [1, -1, -1, -1, 1, -1, -1, -1, 1] },
  { label: 'O', classIndex: 1, pixels: [1, 1, 1, 1, -1, 1, 1, 1, 1] },
];

function snapshot(step: number, extra: Partial<ViewSnapshot> = {}): ViewSnapshot {
  return {
    step,
    layers,
    input: [3, 3, 1],
    weights: [
      { kernel: [1, 0, 0, 1], bias: [0] },
      null,
      { kernel: [1, -1, 1, -1, 1, -1, 1, -1], bias: [0, 0] },
    ],
    ...extra,
  };
}

const selected = {
  pixels: pictures[0]?.pixels ?? [],
  outputs: [
    { type: 'conv' as const, shape: [2, 2, 1] as const, values: Float32Array.from([2, -2, -2, 2]) },
    { type: 'flatten' as const, shape: [4] as const, values: Float32Array.from([2, -2, -2, 2]) },
    { type: 'dense' as const, shape: [2] as const, values: Float32Array.from([0, 0]) },
  ],
  probabilities: [0.75, 0.25],
};

let frames: FrameRequestCallback[] = [];
function runFrame(): void {
  const due = frames;
  frames = [];
  for (const callback of due) callback(0);
}

beforeEach(() => {
  frames = [];
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
  vi.spyOn(window, 'cancelAnimationFrame').mockImplementation(() => {
    frames = [];
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

function mount(overrides: Partial<TrainingViewOptions> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const onSelect = vi.fn();
  const view = mountTrainingView(container, {
    classes: ['X', 'O'],
    input: [3, 3, 1],
    trainPictures: pictures,
    testPictures: pictures,
    onSelect,
    // The drawing itself is tested here; pacing by measured frames has tests of its own below.
    pacing: null,
    ...overrides,
  });
  const text = (selector: string) => container.querySelector(selector)?.textContent;
  return { container, view, onSelect, text };
}

describe('mountTrainingView', () => {
  it('draws nothing until the next animation frame', () => {
    const { view, text } = mount();
    view.update(snapshot(5));
    expect(text('.viz-step')).toBe('Not trained yet');
  });

  it('asks for one frame however many snapshots arrive, and draws the newest', () => {
    const { view, text } = mount();
    for (let step = 1; step <= 10; step++) view.update(snapshot(step));
    expect(frames).toHaveLength(1);
    runFrame();
    expect(text('.viz-step')).toBe('Step 10');
  });

  it('shows the votes of every training picture', () => {
    const { view, container } = mount();
    view.update(snapshot(1, { trainPredictions: Float32Array.from([0.8, 0.2, 0.6, 0.4]) }));
    runFrame();
    const captions = [...container.querySelectorAll('.viz-pictures')][0]?.querySelectorAll('.viz-vote');
    expect([...(captions ?? [])].map((c) => c.textContent)).toEqual(['✓ X 80%', '✗ X 60%']);
  });

  it('draws parts off screen only once they come into view', () => {
    // An IntersectionObserver the test drives: it reports what the test says is on screen.
    const observers: { report(target: Element, on: boolean): void }[] = [];
    class FakeObserver {
      constructor(private readonly callback: IntersectionObserverCallback) {
        observers.push(this);
      }
      observe() {}
      disconnect() {}
      report(target: Element, isIntersecting: boolean) {
        this.callback([{ target, isIntersecting } as IntersectionObserverEntry], this as never);
      }
    }
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const { view, container, text } = mount();
    const votes = () => [...(container.querySelector('.viz-pictures')?.querySelectorAll('.viz-vote') ?? [])];
    const curves = container.querySelector('.viz-curves') as Element;
    const grid = container.querySelector('.viz-pictures') as Element;
    observers[0]?.report(curves, false);
    observers[0]?.report(grid, false);
    view.pushHistory({ step: 1, loss: 0.5, trainAccuracy: 0.5 });
    view.update(snapshot(1, { trainPredictions: Float32Array.from([0.8, 0.2, 0.6, 0.4]) }));
    runFrame();
    // The step line is drawn; the curves and the votes wait, off screen.
    expect(text('.viz-step')).toBe('Step 1');
    expect(text('.viz-chart-legend')).toBe('training loss: –');
    expect(votes().map((c) => c.textContent)).toEqual(['…', '…']);
    // Scrolled into view: the next frame catches them up without a new snapshot.
    observers[0]?.report(curves, true);
    observers[0]?.report(grid, true);
    expect(frames).toHaveLength(1);
    runFrame();
    expect(text('.viz-chart-legend')).toBe('training loss: 0.500');
    expect(votes().map((c) => c.textContent)).toEqual(['✓ X 80%', '✗ X 60%']);
    vi.unstubAllGlobals();
  });

  it('draws the curves from the history', () => {
    const { view, text } = mount();
    view.pushHistory({ step: 1, loss: 0.5, trainAccuracy: 0.5 });
    runFrame();
    expect(text('.viz-chart-legend')).toBe('training loss: 0.500');
  });

  it('shows a kept run again: its step over the reloaded step 0, its curves, until training goes on', () => {
    const { view, text } = mount();
    view.showRun(140, [
      { step: 70, loss: 0.3, trainAccuracy: 0.75 },
      { step: 140, loss: 0.05, trainAccuracy: 1 },
    ]);
    view.update(snapshot(0));
    view.showJudgement({ step: 140, testPredictions: Float32Array.from([0.9, 0.1, 0.1, 0.9]) });
    runFrame();
    expect(text('.viz-step')).toBe('Step 140. Judged at step 140: 2 of 2 test pictures right');
    expect(text('.viz-chart-legend')).toBe('training loss: 0.050');
    expect(view.history().map((p) => p.step)).toEqual([70, 140]);
    // Training on from the kept weights is a new run: the trainer's own steps and fresh curves.
    view.pushHistory({ step: 1, loss: 0.04, trainAccuracy: 1 });
    view.update(snapshot(1));
    runFrame();
    expect(text('.viz-step')).toMatch(/^Step 1\./);
    expect(view.history().map((p) => p.step)).toEqual([1]);
  });

  it('keeps the test pictures hidden until judged, then shows their votes', () => {
    const { view, container } = mount();
    const testGrid = () => [...container.querySelectorAll<HTMLElement>('.viz-pictures')][1];
    expect(testGrid()?.hidden).toBe(true);
    view.showJudgement({ step: 7, testPredictions: Float32Array.from([0.9, 0.1, 0.1, 0.9]) });
    runFrame();
    expect([testGrid()?.hidden, container.querySelector('.viz-step')?.textContent]).toEqual([
      false,
      'Not trained yet. Judged at step 7: 2 of 2 test pictures right',
    ]);
  });

  it('reports a picked training picture', () => {
    const { container, onSelect } = mount();
    container.querySelector<HTMLButtonElement>('.viz-picture-button')?.click();
    expect(onSelect).toHaveBeenCalledWith({ kind: 'train', index: 0 });
  });

  it('reports a drawn picture with the level blank as paper', () => {
    const { container, onSelect } = mount();
    const use = [...container.querySelectorAll('button')].find(
      (b) => b.textContent === 'Look inside this drawing',
    );
    use?.click();
    expect(onSelect).toHaveBeenCalledWith({ kind: 'drawn', pixels: new Array(9).fill(-1) });
  });

  it('shows the votes of the selected picture as bars with percentages', () => {
    const { view, container } = mount();
    view.update(snapshot(2, { selected }));
    runFrame();
    expect([...container.querySelectorAll('.viz-vote-percent')].map((e) => e.textContent)).toEqual([
      '75%',
      '25%',
    ]);
  });

  it('opens the math of a clicked feature-map cell', () => {
    const { view, container } = mount();
    view.update(snapshot(2, { selected }));
    runFrame();
    container.querySelector<HTMLCanvasElement>('canvas[aria-label^="layer 1 Conv"]')?.click();
    const math = container.querySelector<HTMLElement>('.viz-math');
    expect([math?.hidden, math?.querySelector('.viz-math-result')?.textContent]).toEqual([
      false,
      'Result: 2',
    ]);
  });

  it('outlines the clicked cell', () => {
    const { view, container } = mount();
    view.update(snapshot(2, { selected }));
    runFrame();
    container.querySelector<HTMLCanvasElement>('canvas[aria-label^="layer 1 Conv"]')?.click();
    expect(container.querySelectorAll('.viz-map-mark:not([hidden])')).toHaveLength(2);
  });

  it('stops drawing and leaves the container once disposed', () => {
    const { view, container } = mount();
    view.update(snapshot(1));
    view.dispose();
    runFrame();
    expect(container.childElementCount).toBe(0);
  });
});

describe('the training view paced by its frames', () => {
  // A pacer whose clock is the fake timers' and whose frames take as long as the test says.
  function pacedMount() {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const start = Date.now();
    const measures: ((ms: number) => void)[] = [];
    const mounted = mount({
      pacing: {
        pacer: new FramePacer(),
        now: () => Date.now() - start,
        measure: (_startedAt, onMeasured) => measures.push(onMeasured),
      },
    });
    /** The last drawn frame took `ms` of main thread. */
    const took = (ms: number) => measures.shift()?.(ms);
    return { ...mounted, took };
  }
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws at every frame while its frames stay within the budget', () => {
    const { view, text, took } = pacedMount();
    for (let step = 1; step <= 3; step++) {
      view.update(snapshot(step));
      expect(frames).toHaveLength(1);
      runFrame();
      took(5);
      expect(text('.viz-step')).toBe(`Step ${step}`);
      vi.advanceTimersByTime(16);
    }
  });

  it('waits after a slow frame, then draws the newest snapshot', () => {
    const { view, text, took } = pacedMount();
    view.update(snapshot(1));
    runFrame();
    took(30);
    vi.advanceTimersByTime(20);
    view.update(snapshot(2));
    view.update(snapshot(3));
    // A slow frame makes the next wait 100 ms from the last drawn.
    expect(frames).toHaveLength(0);
    vi.advanceTimersByTime(79);
    expect(frames).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(frames).toHaveLength(1);
    runFrame();
    expect(text('.viz-step')).toBe('Step 3');
    // Quick frames shorten the wait by a quarter each: 75 ms, 56, then none.
    const waits: number[] = [];
    for (let step = 4; step <= 6; step++) {
      took(5);
      view.update(snapshot(step));
      let waited = 0;
      while (frames.length === 0 && waited < 1000) {
        vi.advanceTimersByTime(1);
        waited++;
      }
      waits.push(waited);
      runFrame();
    }
    expect(waits).toEqual([75, 57, 0]);
  });

  it('shows a verdict at once, whatever the pacer says', () => {
    const { view, text, took } = pacedMount();
    view.update(snapshot(1));
    runFrame();
    took(30);
    view.update(snapshot(2));
    expect(frames).toHaveLength(0);
    view.showJudgement({ step: 2, testPredictions: Float32Array.from([0.9, 0.1, 0.1, 0.9]) });
    expect(frames).toHaveLength(1);
    runFrame();
    expect(text('.viz-step')).toBe('Step 2. Judged at step 2: 2 of 2 test pictures right');
    // The wait it cut short asks for no second frame.
    vi.advanceTimersByTime(1000);
    expect(frames).toHaveLength(0);
  });

  it('asks for no frame once disposed while waiting', () => {
    const { view, took } = pacedMount();
    view.update(snapshot(1));
    runFrame();
    took(30);
    view.update(snapshot(2));
    view.dispose();
    vi.advanceTimersByTime(1000);
    expect(frames).toHaveLength(0);
  });
});

describe('formatLoss', () => {
  it.each([
    { loss: 0.41234, text: '0.412' },
    { loss: 0.0000123, text: '1.2e-5' },
    { loss: 0, text: '0.000' },
    { loss: Number.NaN, text: '—' },
    { loss: Infinity, text: '—' },
  ])('prints $loss as $text', ({ loss, text }) => {
    expect(formatLoss(loss)).toBe(text);
  });
});

/**
 * The block editor's live feedback over a scripted run of 50 edits on the X-vs-O network (filters,
 * filter size, padding in turn): the time our compile and annotations take once Blockly reports the
 * edit, the time from the edit to the updated annotations, and to the next painted frame. Blockly
 * reports an edit after the next animation frame, so the page's frame time is part of the latency.
 */
import { mountBlockEditor } from '../../src/blocks';
import type { LayerSpec } from '../../src/spec';
import type { BenchSection } from './section';

const X_VS_O: LayerSpec[] = [
  { type: 'conv', filters: 4, size: 3, stride: 1, padding: 'valid' },
  { type: 'relu' },
  { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'same' },
  { type: 'flatten' },
  { type: 'dense', units: 2 },
];

const EDITS = 50;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** Median and p95 of some timings, as a cell. */
function spread(times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `${percentile(sorted, 0.5).toFixed(1)} / ${percentile(sorted, 0.95).toFixed(1)} ms`;
}

const nextFrame = () =>
  new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

export const editorSection: BenchSection = {
  name: 'block editor: edit to updated annotations',
  columns: ['edits', 'compile + annotate', 'edit to annotations', 'edit to painted', 'idle frame', 'aim'],
  async run({ log }) {
    const host = document.createElement('div');
    Object.assign(host.style, { width: '900px', height: '700px' });
    document.body.append(host);
    let changed: (() => void) | null = null;
    let eventAt = 0;
    const editor = mountBlockEditor(host, {
      context: {
        input: [9, 9, 1],
        classes: ['X', 'O'],
        limits: { blocks: ['conv', 'relu', 'pool', 'flatten', 'dense'] },
      },
      layers: X_VS_O,
      onChange: () => changed?.(),
    });
    // Let the page settle into its frame rhythm before timing anything, and time one idle frame.
    for (let i = 0; i < 30; i++) await nextFrame();
    const idleStart = await nextFrame();
    const idleFrame = (await nextFrame()) - idleStart;
    // Registered after the editor's own listener: it sees the same event first.
    editor.workspace.addChangeListener(() => {
      if (!eventAt) eventAt = performance.now();
    });
    const conv = editor.workspace.getAllBlocks(false).find((b) => b.type === 'convblocks_conv');
    if (!conv) throw new Error('the X-vs-O network has no Conv block');
    const ours: number[] = [];
    const toAnnotations: number[] = [];
    const toPaint: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const done = new Promise<void>((resolve) => {
        changed = resolve;
      });
      eventAt = 0;
      const started = performance.now();
      if (i % 3 === 0) conv.setFieldValue(String(2 + (i % 6)), 'FILTERS');
      else if (i % 3 === 1) conv.setFieldValue(i % 2 ? '5' : '3', 'SIZE');
      else conv.setFieldValue(i % 2 ? 'valid' : 'same', 'PADDING');
      await done;
      const annotated = performance.now();
      ours.push(annotated - (eventAt || started));
      toAnnotations.push(annotated - started);
      toPaint.push((await nextFrame()) - started);
    }
    log(`${EDITS} edits measured`);
    editor.dispose();
    host.remove();
    return [
      [
        String(EDITS),
        spread(ours),
        spread(toAnnotations),
        spread(toPaint),
        `${idleFrame.toFixed(1)} ms`,
        'edit to annotations p95 under 50 ms',
      ],
    ];
  },
};

/**
 * The networks Suggest tries on a teacher's level: the shapes the built-in levels' reference
 * networks use, sized to this level (its picture size and class count) and kept to its rules, plus
 * a few small stand-bys for levels whose rules none of those fit, smallest first.
 */
// Only the limits module: the blocks' index also loads Blockly, which this rule does not need.
import { limitProblems } from '../blocks/limits';
import { classifierProblem, inferShapes, type LayerSpec, type LevelLimits, MAX, type Shape } from '../spec';

/** A network to try, with its size and a short name for people. */
export interface Candidate {
  readonly layers: readonly LayerSpec[];
  readonly params: number;
  /** "conv 4 filters 3x3, pool 3, dense 2" */
  readonly label: string;
}

/** Small networks of our own, for levels whose rules no reference shape keeps to. */
function standBys(side: number, classCount: number): LayerSpec[][] {
  const dense: LayerSpec = { type: 'dense', units: classCount };
  const size = Math.min(3, side);
  const conv: LayerSpec = { type: 'conv', filters: 4, size, stride: 1, padding: 'valid' };
  // One window over the whole feature map (as far as a window may reach): "is the stroke anywhere?"
  const window = Math.min(side - size + 1, MAX.windowSize);
  const pool: LayerSpec = { type: 'pool', op: 'max', size: window, stride: window, padding: 'same' };
  return [
    [conv, { type: 'relu' }, pool, { type: 'flatten' }, dense],
    [conv, { type: 'relu' }, { type: 'flatten' }, dense],
    [conv, { type: 'activation', fn: 'leaky_relu' }, { type: 'flatten' }, dense],
    [conv, { type: 'flatten' }, dense],
    [{ type: 'flatten' }, dense],
  ];
}

/**
 * A reference network sized to pictures of `input`: windows no wider than the picture they slide
 * over, strides no longer than their window, the last Dense with one unit per class.
 */
export function sizeTo(layers: readonly LayerSpec[], input: Shape, classCount: number): LayerSpec[] {
  const sized: LayerSpec[] = [];
  let shape: Shape = input;
  for (const [index, layer] of layers.entries()) {
    let next: LayerSpec = layer;
    if ((layer.type === 'conv' || layer.type === 'pool') && shape.length === 3) {
      const size = Math.max(1, Math.min(layer.size, shape[0], shape[1]));
      next = { ...layer, size, stride: Math.min(layer.stride, size) };
    }
    if (layer.type === 'dense' && index === layers.length - 1) next = { ...layer, units: classCount };
    sized.push(next);
    const report = inferShapes(shape, [next]);
    if (!report.output) return sized;
    shape = report.output;
  }
  return sized;
}

/** Whether the network keeps to every limit of the level: the rule the block editor marks. */
function allowed(layers: readonly LayerSpec[], input: Shape, limits: LevelLimits): boolean {
  return limitProblems(layers, inferShapes(input, layers).totalParams, limits).length === 0;
}

/**
 * Whether a window layer never reads some rows or columns of its input: a valid window whose steps
 * do not end on the edge (a 4-wide pool with stride 4 on 5 pixels skips the fifth), or a stride
 * longer than the window. Such a network ignores pixels, so it wins only by luck: never suggested.
 */
export function skipsPixels(input: Shape, layers: readonly LayerSpec[]): boolean {
  let height = input[0] ?? 0;
  let width = input[1] ?? 0;
  for (const layer of layers) {
    if (layer.type !== 'conv' && layer.type !== 'pool') continue;
    const { size, stride, padding } = layer;
    if (stride > size) return true;
    if (padding === 'valid') {
      if ((height - size) % stride !== 0 || (width - size) % stride !== 0) return true;
      height = Math.floor((height - size) / stride) + 1;
      width = Math.floor((width - size) / stride) + 1;
    } else {
      height = Math.ceil(height / stride);
      width = Math.ceil(width / stride);
    }
  }
  return false;
}

/** A network's main layers in a few words: "conv 4 filters 3x3, pool 3, dense 2". */
export function candidateLabel(layers: readonly LayerSpec[]): string {
  const words = layers.flatMap((l) => {
    if (l.type === 'conv')
      return [`conv ${l.filters} filter${l.filters === 1 ? '' : 's'} ${l.size}x${l.size}`];
    if (l.type === 'pool') return [`pool ${l.size}`];
    if (l.type === 'dense') return [`dense ${l.units}`];
    return [];
  });
  return words.join(', ');
}

/** The filter counts tried besides a reference's own, as fractions of it. */
const FILTER_FACTORS = [0.5, 0.75, 1.5, 2];

/** A shape with its Conv blocks' filter counts scaled by `factor` (at least one filter each). */
function scaled(layers: readonly LayerSpec[], factor: number): LayerSpec[] {
  return layers.map((l) =>
    l.type === 'conv'
      ? { ...l, filters: Math.max(1, Math.min(MAX.filters, Math.round(l.filters * factor))) }
      : l,
  );
}

/** A shape with its Conv windows two wider (sized to the pictures afterwards). */
function widened(layers: readonly LayerSpec[]): LayerSpec[] {
  return layers.map((l) => (l.type === 'conv' ? { ...l, size: Math.min(MAX.windowSize, l.size + 2) } : l));
}

/**
 * The networks to try on a level with pictures of `input` and `classCount` classes, kept to its
 * `limits`: the `references` (the built-in levels' reference networks) sized to it, also with
 * wider windows, and all with fewer and more filters, then the stand-bys; each shape once, those
 * that cannot classify dropped, fewest parameters first.
 */
export function suggestCandidates(
  input: readonly [number, number, number],
  classCount: number,
  limits: LevelLimits,
  references: readonly (readonly LayerSpec[])[],
): Candidate[] {
  const seen = new Set<string>();
  const found: Candidate[] = [];
  // Each reference shape as it is, with windows two wider, and both with fewer and more filters.
  const sized = references.flatMap((r) => [
    sizeTo(r, input, classCount),
    sizeTo(widened(r), input, classCount),
  ]);
  const shapes = [
    ...sized,
    ...sized.flatMap((r) => FILTER_FACTORS.map((f) => scaled(r, f))),
    ...standBys(input[0], classCount),
  ];
  for (const layers of shapes) {
    const key = JSON.stringify(layers);
    if (seen.has(key)) continue;
    seen.add(key);
    if (classifierProblem(input, layers, classCount) !== null || !allowed(layers, input, limits)) continue;
    if (skipsPixels(input, layers)) continue;
    found.push({ layers, params: inferShapes(input, layers).totalParams, label: candidateLabel(layers) });
  }
  // A stable sort: among equal sizes the references come first.
  return found.sort((a, b) => a.params - b.params);
}

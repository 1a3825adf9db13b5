/**
 * What each language's generator needs to write one block's line: the layer, where it sits and its
 * shapes. The lines themselves are written by the per-language modules beside this one.
 */
import { formatShape, type LayerSpec, type Shape } from '../../spec';

/** The languages of the Code view. */
export const CODE_LANGUAGES = ['keras', 'pytorch', 'tfjs'] as const;

/** One of CODE_LANGUAGES. */
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

/** The tab label of each language. */
export const LANGUAGE_LABELS: Readonly<Record<CodeLanguage, string>> = {
  keras: 'Keras',
  pytorch: 'PyTorch',
  tfjs: 'TensorFlow.js',
};

/** One layer block as a generator sees it. */
export interface LayerCode {
  readonly layer: LayerSpec;
  /** Its place in the network, from 0. */
  readonly index: number;
  readonly input: Shape;
  /** Its output, or null when the block cannot run on its input. */
  readonly output: Shape | null;
  /** True for the last layer, whose outputs softmax turns into the votes. */
  readonly last: boolean;
  readonly classes: readonly string[];
  /** The network's picture shape, `[height, width, channels]`. */
  readonly pictures: readonly [number, number, number];
}

/** The shape comment of a line: the output shape and, for the last layer, what the numbers are. */
export function shapeNote(code: LayerCode): string {
  if (!code.output) return "doesn't fit its input: see the block";
  const shape = `${formatShape(code.output)}`;
  // These libraries' convolutions only add up: the exported weights are divided instead (same numbers).
  if (code.layer.type === 'conv' && code.layer.products === 'mean') {
    const pixels = code.layer.size * code.layer.size;
    return `${shape}; ConvBlocks divides each sum by ${pixels}: export divides the weights by ${pixels} instead`;
  }
  if (code.last && code.layer.type === 'dense') return `${shape}: the votes for ${code.classes.join(', ')}`;
  return shape;
}

/** Writes a network's header and footer lines and each layer's lines in one language. */
export interface LanguageWriter {
  /** The comment marker of the language. */
  readonly comment: string;
  /** Lines before the layers; `input` is the picture shape. */
  header(input: readonly [number, number, number], name: string): string[];
  /** One block's lines (one, or two where PyTorch needs explicit padding), each with its shape comment. */
  layer(code: LayerCode): string[];
  /** Lines after the layers. */
  footer(): string[];
}

/** A string literal any of the three languages reads the same (JSON's escapes). */
export function quoted(text: string): string {
  return JSON.stringify(text).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

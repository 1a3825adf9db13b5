/**
 * The Code view's three Blockly code generators (Blockly's own mechanism: a CodeGenerator with a
 * `forBlock` function per block type). Each layer block writes its own line or two; the Network
 * block writes the header, its stacked blocks' code and the footer. Every line is tagged with the id
 * of the block that wrote it, so the view can light up the selected block's lines.
 */
import * as Blockly from 'blockly/core';
import { LAYER_TYPES } from '../../spec';
import type { CompileContext, CompileResult } from '../compile';
import { findNetworkBlock } from '../compile';
import { LAYER_BLOCKS, LAYERS_INPUT, NETWORK_BLOCK_TYPE } from '../definitions';
import { KERAS_WRITER } from './keras-code';
import type { CodeLanguage, LanguageWriter } from './layer-code';
import { PYTORCH_WRITER } from './pytorch-code';
import { TFJS_WRITER } from './tfjs-code';

const WRITERS: Readonly<Record<CodeLanguage, LanguageWriter>> = {
  keras: KERAS_WRITER,
  pytorch: PYTORCH_WRITER,
  tfjs: TFJS_WRITER,
};

/** Marks a line with the id of its block; no block id or code line holds these characters. */
const TAG_START = '\u0001';
const TAG_END = '\u0002';
const tagged = (id: string, lines: readonly string[]) =>
  lines.map((l) => `${TAG_START}${id}${TAG_END}${l}\n`).join('');

/** A generator that knows the compiled network it writes (shapes, the last layer, the classes). */
class NetworkCodeGenerator extends Blockly.CodeGenerator {
  result: CompileResult | null = null;
  context: CompileContext | null = null;

  constructor(readonly writer: LanguageWriter) {
    super(`convblocks-${writer.comment}`);
    // Blocks indent their own lines; statementToCode must not add more.
    this.INDENT = '';
  }

  /** The next block in a stack follows this one's code, as statement generators do. */
  override scrub_(block: Blockly.Block, code: string, thisOnly?: boolean): string {
    const next = block.nextConnection?.targetBlock();
    return thisOnly || !next ? code : code + this.blockToCode(next);
  }
}

function makeGenerator(language: CodeLanguage): NetworkCodeGenerator {
  const generator = new NetworkCodeGenerator(WRITERS[language]);
  for (const type of LAYER_TYPES) {
    generator.forBlock[LAYER_BLOCKS[type].blockType] = (block, gen) => {
      const { result, context, writer } = gen as NetworkCodeGenerator;
      const index = result?.layerBlockIds.indexOf(block.id) ?? -1;
      const layer = result?.layers[index];
      if (!result || !context || !layer) return '';
      const shape = result.shapes.layers[index];
      const lines = writer.layer({
        layer,
        index,
        input: shape?.input ?? context.input,
        output: shape?.ok ? shape.output : null,
        last: index === result.layers.length - 1,
        classes: context.classes,
        pictures: context.input,
      });
      return tagged(block.id, lines);
    };
  }
  generator.forBlock[NETWORK_BLOCK_TYPE] = (block, gen) => {
    const { context, writer } = gen as NetworkCodeGenerator;
    if (!context) return '';
    const header = tagged(block.id, writer.header(context.input, ''));
    return header + gen.statementToCode(block, LAYERS_INPUT) + tagged(block.id, writer.footer());
  };
  return generator;
}

const generators = new Map<CodeLanguage, NetworkCodeGenerator>();

/** A network's code in one language: its lines and which block wrote each. */
export interface NetworkCode {
  readonly lines: readonly string[];
  /** The id of the block that wrote each line, lined up with `lines`. */
  readonly blockIds: readonly string[];
}

/** Writes the Network block's network (loose blocks are left out, as the compiler leaves them out). */
export function networkCode(
  workspace: Blockly.Workspace,
  language: CodeLanguage,
  context: CompileContext,
  result: CompileResult,
): NetworkCode {
  let generator = generators.get(language);
  if (!generator) {
    generator = makeGenerator(language);
    generators.set(language, generator);
  }
  const network = findNetworkBlock(workspace);
  if (!network) return { lines: [], blockIds: [] };
  generator.result = result;
  generator.context = context;
  generator.init(workspace);
  const code = generator.blockToCode(network);
  generator.finish('');
  const lines: string[] = [];
  const blockIds: string[] = [];
  for (const raw of (typeof code === 'string' ? code : code[0]).split('\n')) {
    const end = raw.indexOf(TAG_END);
    if (!raw.startsWith(TAG_START) || end < 0) continue;
    blockIds.push(raw.slice(TAG_START.length, end));
    lines.push(raw.slice(end + TAG_END.length));
  }
  return { lines, blockIds };
}

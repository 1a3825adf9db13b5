import * as Blockly from 'blockly/core';
import * as En from 'blockly/msg/en';
import { registerNumberField } from './clamp-note';
import { BLOCK_DEFINITIONS } from './definitions';

/**
 * The one place that tells Blockly about our blocks (and its English messages). Safe to call any
 * number of times: blocks already defined are left as they are.
 */
export function registerBlocks(): void {
  Blockly.setLocale(En as unknown as Record<string, string>);
  registerNumberField();
  const missing = BLOCK_DEFINITIONS.filter((definition) => !(String(definition.type) in Blockly.Blocks));
  if (missing.length > 0) Blockly.common.defineBlocksWithJsonArray([...missing]);
}

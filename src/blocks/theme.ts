import * as Blockly from 'blockly/core';
import { BLOCK_COLOURS, type BlockKind } from './colours';
import { blockStyleName } from './definitions';

/** The name the ConvBlocks theme is registered under. */
export const THEME_NAME = 'convblocks';

/** A slightly lighter shade, for the parts of a block Blockly draws as secondary. */
function lighten(hex: string, amount: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = (value >> shift) & 0xff;
    return Math.round(c + (255 - c) * amount);
  };
  const out = (channel(16) << 16) | (channel(8) << 8) | channel(0);
  return `#${out.toString(16).padStart(6, '0')}`;
}

/** Builds (or fetches, once defined) the theme: one block style per block kind, a calm workspace. */
export function convBlocksTheme(): Blockly.Theme {
  const blockStyles: Record<string, Partial<Blockly.Theme.BlockStyle>> = {};
  for (const [kind, colour] of Object.entries(BLOCK_COLOURS) as [BlockKind, string][]) {
    blockStyles[blockStyleName(kind)] = {
      colourPrimary: colour,
      colourSecondary: lighten(colour, 0.25),
      colourTertiary: lighten(colour, 0.45),
    };
  }
  return Blockly.Theme.defineTheme(THEME_NAME, {
    name: THEME_NAME,
    base: Blockly.Themes.Classic,
    blockStyles,
    componentStyles: {
      workspaceBackgroundColour: '#f7f7f4',
      toolboxBackgroundColour: '#eceff1',
      toolboxForegroundColour: '#263238',
      flyoutBackgroundColour: '#e3e7ea',
      flyoutForegroundColour: '#263238',
      flyoutOpacity: 1,
      scrollbarColour: '#90a4ae',
      insertionMarkerColour: '#263238',
      insertionMarkerOpacity: 0.3,
      cursorColour: '#ff6f00',
    },
    fontStyle: { family: 'system-ui, sans-serif', weight: 'normal', size: 12 },
  });
}

// @vitest-environment jsdom
/** The level's filter cap, said on the intro and the play screen before the player builds. */
import { describe, expect, it } from 'vitest';
import { levelIntro } from '../../src/app/level-intro';
import { filterCapLine } from '../../src/app/limits-line';
import { parseLevel } from '../../src/spec';
import { slashLevelDocument } from '../fixtures/documents';

const level = (limits: Record<string, unknown>) =>
  parseLevel(slashLevelDocument({ version: 3, limits: { blocks: ['conv', 'flatten', 'dense'], ...limits } }));

describe('filterCapLine', () => {
  it("names the level's largest filter", () => {
    expect(filterCapLine(level({ maxFilterSize: 2 }))?.textContent).toBe(
      'Conv filters are at most 2x2 on this level.',
    );
  });

  it('says nothing on a level without a cap', () => {
    expect(filterCapLine(level({}))).toBeNull();
  });

  it('is on the level intro, after the goal', () => {
    const intro = levelIntro(level({ maxFilterSize: 1 }), () => {});
    const texts = [...intro.querySelectorAll('p')].map((p) => p.textContent);
    const goal = texts.findIndex((t) => t?.startsWith('Goal:'));
    expect(texts.indexOf('Conv filters are at most 1x1 on this level.')).toBe(goal + 1);
  });
});

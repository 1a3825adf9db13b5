/** `convblocks check PACK.json`: every level of a pack is checked, and a bad one named by its place. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { convblocks, scratchFolder } from './run';

const level = (id: string) => JSON.parse(readFileSync(`levels/${id}.json`, 'utf8'));
const pack = (levels: unknown[]) => ({
  kind: 'convblocks/pack',
  version: 1,
  title: 'Two small ones',
  levels,
});

describe('convblocks check PACK.json', { timeout: LONG_TEST_MS }, () => {
  it('checks every level in the pack, in order', () => {
    const { file } = scratchFolder('convblocks-pack-');
    const path = file('two.pack.json', pack([level('slash-2x2'), level('four-ways-2x2')]));
    const run = convblocks('check', path, '--backend', 'plain');
    expect(run.stderr.split('\n').filter((l) => l.startsWith('FAIL'))).toEqual([]);
    // A table per level, each closed by its verdict line, in the pack's order.
    expect(run.stdout).toMatch(
      /^slash-2x2: [\s\S]*\nok {3}slash-2x2\n[\s\S]*four-ways-2x2: [\s\S]*\nok {3}four-ways-2x2\n/,
    );
    expect(run.stdout).toMatch(/\n2 passed, 0 failed \(/);
    expect(run.code).toBe(0);
  });

  it('names a level the pack holds that cannot win, by its place in the pack', () => {
    const { file } = scratchFolder('convblocks-pack-');
    const loser = { ...level('slash-2x2'), reference: undefined };
    const path = file('lose.pack.json', pack([level('four-ways-2x2'), loser]));
    const run = convblocks('check', path, '--backend', 'plain');
    expect(run.stderr).toContain(`FAIL ${path}#2: reference: is missing`);
    expect(run.stderr).toContain('1 passed, 1 failed');
    expect(run.code).toBe(1);
  });

  it('refuses a pack whose level does not read, naming the field', () => {
    const { file } = scratchFolder('convblocks-pack-');
    const bad = { ...level('slash-2x2'), input: [2, 2, 9] };
    const path = file('bad.pack.json', pack([level('slash-2x2'), bad]));
    const run = convblocks('check', path);
    expect(run.stderr).toMatch(new RegExp(`^FAIL ${path}: levels\\[1\\]\\.input\\[2\\]: `, 'm'));
    expect(run.code).toBe(1);
  });
});

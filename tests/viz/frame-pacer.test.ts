// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  FIRST_GAP_MS,
  FRAME_BUDGET_MS,
  FramePacer,
  MAX_GAP_MS,
  measureFrame,
} from '../../src/viz/frame-pacer';

describe('FramePacer', () => {
  it('lets a view draw at every frame while its frames stay within the budget', () => {
    const pacer = new FramePacer();
    for (let frame = 0; frame < 20; frame++) {
      pacer.drew(frame * 16);
      pacer.measured(FRAME_BUDGET_MS);
      expect(pacer.waitMs(frame * 16 + 1)).toBe(0);
    }
    expect(pacer.gapMs).toBe(0);
  });

  it('doubles the wait with each frame over budget, up to a second', () => {
    const pacer = new FramePacer();
    const gaps: number[] = [];
    for (let frame = 0; frame < 6; frame++) {
      pacer.measured(FRAME_BUDGET_MS + 1);
      gaps.push(pacer.gapMs);
    }
    expect(gaps).toEqual([FIRST_GAP_MS, 200, 400, 800, MAX_GAP_MS, MAX_GAP_MS]);
    expect(MAX_GAP_MS).toBe(1000);
  });

  it('shortens the wait by a quarter with each frame within budget, down to none', () => {
    const pacer = new FramePacer();
    for (let frame = 0; frame < 5; frame++) pacer.measured(30);
    const gaps: number[] = [];
    for (let frame = 0; frame < 12; frame++) {
      pacer.measured(5);
      gaps.push(Math.round(pacer.gapMs));
    }
    expect(gaps).toEqual([750, 563, 422, 316, 237, 178, 133, 100, 75, 56, 0, 0]);
  });

  it('counts the wait from the last frame drawn', () => {
    const pacer = new FramePacer();
    pacer.measured(40);
    pacer.drew(1000);
    expect([pacer.waitMs(1000), pacer.waitMs(1060), pacer.waitMs(1100), pacer.waitMs(1500)]).toEqual([
      100, 40, 0, 0,
    ]);
  });
});

describe('measureFrame', () => {
  it('reports the time from the start until a message posted meanwhile is delivered', async () => {
    let now = 100;
    const measured = new Promise<number>((resolve) => measureFrame(() => now, 96, resolve));
    // The frame's work: the message is only delivered after it.
    now = 123;
    expect(await measured).toBe(27);
  });
});

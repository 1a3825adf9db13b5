import { describe, expect, it } from 'vitest';
import { EDITOR_TRAINING, type EditorDraft, isReady, winFingerprint } from '../../src/editor/draft';
import { draftFromJson, draftToJson } from '../../src/editor/draft-json';
import type { LayerSpec } from '../../src/spec';
import { smallDraft } from './helpers';

function won(draft: EditorDraft): EditorDraft {
  return {
    ...draft,
    reference: {
      layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }],
      training: EDITOR_TRAINING,
      testAccuracy: 1,
      fingerprint: winFingerprint(draft),
    },
  };
}

function json(draft: EditorDraft): Record<string, unknown> {
  return draftToJson(draft);
}

describe('unfinished drafts as JSON', () => {
  it('writes no undefined fields', () => {
    expect(JSON.stringify(json(smallDraft()))).not.toContain('undefined');
    expect('id' in json(smallDraft())).toBe(false);
  });

  it('reads back the same draft, still ready once won', () => {
    const draft = won({
      ...smallDraft(),
      id: 'bars-1',
      rules: { ...smallDraft().rules, starter: [{ type: 'flatten' }] },
    });
    const back = draftFromJson(json(draft));
    expect(back).toEqual({
      ...draft,
      rules: { ...draft.rules, maxLayers: undefined, maxParams: undefined, maxSteps: undefined },
    });
    expect(isReady(back)).toBe(true);
  });

  it('keeps the largest filter, and still reads a draft kept before there was one', () => {
    const draft = { ...smallDraft(), rules: { ...smallDraft().rules, maxFilterSize: 4 } };
    expect(draftFromJson(json(draft)).rules.maxFilterSize).toBe(4);
    // A draft stored by an editor before level version 3 has no such field.
    const old = json(won(smallDraft()));
    expect('maxFilterSize' in (old.rules as object)).toBe(false);
    const back = draftFromJson(old);
    expect(back.rules.maxFilterSize).toBeUndefined();
    expect(isReady(back)).toBe(true);
  });

  it('keeps an unfinished starter (one that does not run yet)', () => {
    const draft = {
      ...smallDraft(),
      rules: { ...smallDraft().rules, starter: [{ type: 'dense' as const, units: 2 }] },
    };
    expect(draftFromJson(json(draft)).rules.starter).toEqual([{ type: 'dense', units: 2 }]);
  });

  it('keeps the network on the "Win it" workbench, even one that does not run yet (issue 17)', () => {
    // No Dense at the end yet: not a network that runs, but what the teacher has built so far.
    const workbench: LayerSpec[] = [
      { type: 'conv', filters: 2, size: 2, stride: 1, padding: 'valid' },
      { type: 'flatten' },
    ];
    const back = draftFromJson(json({ ...won(smallDraft()), workbench }));
    expect(back.workbench).toEqual(workbench);
    // The workbench is not part of what the win was judged on.
    expect(isReady(back)).toBe(true);
  });

  it('drops a workbench that is not layers, keeping the rest', () => {
    const back = draftFromJson({ ...json(smallDraft()), workbench: [{ type: 'teleport' }] });
    expect([back.workbench, back.title]).toEqual([undefined, 'Bars']);
  });

  it('drops a reference network that does not run, keeping the rest', () => {
    const draft = json(won(smallDraft()));
    const broken = {
      ...draft,
      reference: { ...(draft.reference as object), layers: [{ type: 'dense', units: 2 }] },
    };
    const back = draftFromJson(broken);
    expect([back.reference, back.title]).toEqual([undefined, 'Bars']);
  });

  it.each([
    {
      what: 'a picture of another size',
      change: (d: Record<string, unknown>) => ({ ...d, side: 4 }),
      field: /^classes\.0\.train\.0: is not a 4x4 picture/,
    },
    {
      what: 'one class',
      change: (d: Record<string, unknown>) => ({ ...d, classes: (d.classes as unknown[]).slice(0, 1) }),
      field: /^classes: /,
    },
    {
      what: 'a pixel above 1',
      change: (d: Record<string, unknown>) => ({
        ...d,
        classes: [
          { name: 'a', train: [{ side: 3, channels: 1, values: [2, 0, 0, 0, 0, 0, 0, 0, 0] }], test: [] },
          { name: 'b', train: [], test: [] },
        ],
      }),
      field: /^classes\.0\.train\.0\.values\.0: /,
    },
    {
      what: 'a largest filter of 17',
      change: (d: Record<string, unknown>) => ({
        ...d,
        rules: { ...(d.rules as object), maxFilterSize: 17 },
      }),
      field: /^rules\.maxFilterSize: /,
    },
    {
      what: 'an unknown field',
      change: (d: Record<string, unknown>) => ({ ...d, extra: 1 }),
      field: /^Unrecognized key: "extra"/,
    },
  ])('refuses $what, naming the field', ({ change, field }) => {
    expect(() => draftFromJson(change(json(smallDraft())))).toThrow(field);
  });
});

import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../src/app/router';
import { editorHash, levelHash } from '../../src/ui';

describe('parseRoute', () => {
  it.each([
    ['', { screen: 'map' }],
    ['#/', { screen: 'map' }],
    ['#/level/x-vs-o', { screen: 'level', id: 'x-vs-o' }],
    ['#/level/%E2%9C%93', { screen: 'level', id: '✓' }],
    ['#/level/%E2%9C', { screen: 'level', id: '%E2%9C' }],
    ['#/level/a/b', { screen: 'map' }],
    ['#net=abc', { screen: 'shared', hash: '#net=abc' }],
    ['#level=abc', { screen: 'shared', hash: '#level=abc' }],
    ['#nonsense', { screen: 'map' }],
    ['#/editor', { screen: 'editor' }],
    ['#/editor/my-level-1', { screen: 'editor', id: 'my-level-1' }],
    ['#pack=abc', { screen: 'shared', hash: '#pack=abc' }],
    ['#/pack/pack-1x2y3z', { screen: 'pack', id: 'pack-1x2y3z' }],
    ['#/pack/Not An Id', { screen: 'map' }],
    ['#/class', { screen: 'class' }],
  ])('reads %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips a level id through its hash', () => {
    expect(parseRoute(levelHash('happy-face'))).toEqual({ screen: 'level', id: 'happy-face' });
  });

  it("round-trips a level id through its editor's hash", () => {
    expect(parseRoute(editorHash('my level ✓'))).toEqual({ screen: 'editor', id: 'my level ✓' });
  });
});

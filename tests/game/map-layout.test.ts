/**
 * The map's geometry: the road never runs through a title or a place's stars, and nothing leaves
 * the canvas, for the 13 built-in levels and for longer and shorter paths, in the landscape
 * (desktop) and portrait (phone) layouts the map screen picks between.
 */
import { describe, expect, it } from 'vitest';
import {
  MAP_SIZES,
  type MapBox,
  type MapPoint,
  mapGeometry,
  starsBox,
  titleBox,
} from '../../src/game/map-layout';

/** The distance from point `p` to the segment from `a` to `b`. */
function pointToSegment(p: MapPoint, a: MapPoint, b: MapPoint): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** The distance from point `p` to box `box` (0 inside it). */
function pointToBox(p: MapPoint, box: MapBox): number {
  const dx = Math.max(box.left - p.x, 0, p.x - box.right);
  const dy = Math.max(box.top - p.y, 0, p.y - box.bottom);
  return Math.hypot(dx, dy);
}

/** Whether two segments cross or touch. */
function segmentsMeet(a: MapPoint, b: MapPoint, c: MapPoint, d: MapPoint): boolean {
  const side = (p: MapPoint, q: MapPoint, r: MapPoint) =>
    Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  return side(a, b, c) * side(a, b, d) <= 0 && side(c, d, a) * side(c, d, b) <= 0;
}

/** The distance from the segment `a`-`b` to a box: 0 when it enters the box. */
function segmentToBox(a: MapPoint, b: MapPoint, box: MapBox): number {
  const corners = [
    { x: box.left, y: box.top },
    { x: box.right, y: box.top },
    { x: box.right, y: box.bottom },
    { x: box.left, y: box.bottom },
  ];
  if (pointToBox(a, box) === 0 || pointToBox(b, box) === 0) return 0;
  const edges = corners.map((c, i) => [c, corners[(i + 1) % 4] as MapPoint] as const);
  if (edges.some(([c, d]) => segmentsMeet(a, b, c, d))) return 0;
  return Math.min(pointToBox(a, box), pointToBox(b, box), ...corners.map((c) => pointToSegment(c, a, b)));
}

const overlap = (a: MapBox, b: MapBox) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const layouts = [
  ['landscape (desktop)', false],
  ['portrait (phone)', true],
] as const;
const counts = [1, 2, 3, 4, 5, 6, 7, 10, 11, 13, 16, 20, 31];

describe.each(layouts)('the map, %s', (_, portrait) => {
  it.each(counts)('keeps the road of %i levels clear of every title and star', (count) => {
    const { road, points } = mapGeometry(count, portrait);
    const boxes = points.flatMap((p, i) => [
      { name: `title ${i + 1}`, box: titleBox(p) },
      { name: `stars ${i + 1}`, box: starsBox(p) },
    ]);
    const hits: string[] = [];
    road.slice(1).forEach((b, i) => {
      const a = road[i] as MapPoint;
      for (const { name, box } of boxes) {
        if (segmentToBox(a, b, box) <= MAP_SIZES.roadHalfWidth)
          hits.push(`road ${i}-${i + 1} crosses ${name}`);
      }
    });
    expect(hits).toEqual([]);
  });

  it.each(counts)('passes through every one of %i places in order, and keeps all on the canvas', (count) => {
    const { road, points, width, height } = mapGeometry(count, portrait);
    const onRoad = points.map((p) => road.findIndex((r) => r.x === p.x && r.y === p.y));
    expect(onRoad.every((at, i) => at >= 0 && (i === 0 || at > (onRoad[i - 1] as number)))).toBe(true);
    const half = MAP_SIZES.roadHalfWidth;
    for (const r of road) {
      expect(r.x - half).toBeGreaterThanOrEqual(0);
      expect(r.x + half).toBeLessThanOrEqual(width);
    }
    for (const box of points.flatMap((p) => [titleBox(p), starsBox(p)])) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(width);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(height);
    }
  });

  it('never lets one title or star row cover another', () => {
    const { points } = mapGeometry(13, portrait);
    const boxes = points.flatMap((p) => [titleBox(p), starsBox(p)]);
    const clashes = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlap(a, b)));
    expect(clashes).toEqual([]);
  });
});

describe('the road test itself', () => {
  it('sees a straight road drawn through a title', () => {
    // The old layout ran the road straight down from a row's last place through its title.
    const p = { x: 850, y: 90 };
    const below = { x: 850, y: 280 };
    expect(segmentToBox(p, below, titleBox(p))).toBe(0);
    expect(segmentToBox({ x: 0, y: 0 }, { x: 10, y: 0 }, titleBox(p))).toBeGreaterThan(15);
  });
});

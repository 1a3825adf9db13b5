/**
 * Where each level sits on the map: a winding path across a fixed logical canvas, shared by the
 * Phaser scene that draws it and the HTML buttons laid over it.
 */

/** The map's logical size; the canvas and the overlay scale it to the screen. */
export const MAP_SIZE = { width: 960, height: 540 } as const;

/** A point on the map, in logical pixels. */
export interface MapPoint {
  readonly x: number;
  readonly y: number;
}

/** Positions for `count` levels: rows of up to `perRow`, going left to right, then right to left. */
export function pathPoints(count: number, perRow = 5): MapPoint[] {
  const rows = Math.max(1, Math.ceil(count / perRow));
  const marginX = 110;
  const top = 90;
  const rowGap = rows > 1 ? (MAP_SIZE.height - top - 80) / (rows - 1) : 0;
  const step = (MAP_SIZE.width - 2 * marginX) / (perRow - 1);
  return Array.from({ length: count }, (_, i) => {
    const row = Math.floor(i / perRow);
    const col = i % perRow;
    const x = row % 2 === 0 ? marginX + col * step : MAP_SIZE.width - marginX - col * step;
    // A gentle wave so the path reads as a road, not a table.
    const y = top + row * rowGap + (col % 2 === 0 ? 0 : 22);
    return { x, y };
  });
}

/**
 * Where each level sits on the map: a winding path across a logical canvas, shared by the Phaser
 * scene that draws it and the HTML buttons laid over it. Wide screens get a landscape road of five
 * places a row; narrow (phone) screens a portrait one of three, so titles stay readable.
 */

/** A point on the map, in logical pixels. */
export interface MapPoint {
  readonly x: number;
  readonly y: number;
}

/** The map's logical size and its places; the canvas and the overlay scale it to the screen. */
export interface MapGeometry {
  readonly width: number;
  readonly height: number;
  readonly points: readonly MapPoint[];
}

const ROW_HEIGHT = 190;
const TOP = 90;

/**
 * The road for `count` levels: rows going left to right, then right to left. `compact` drops the
 * big map's least height, for a pack's short path.
 */
export function mapGeometry(count: number, portrait: boolean, compact = false): MapGeometry {
  const perRow = portrait ? 3 : 5;
  const width = portrait ? 600 : 960;
  const rows = Math.max(1, Math.ceil(count / perRow));
  const least = compact ? 300 : portrait ? 600 : 540;
  const height = Math.max(least, TOP + rows * ROW_HEIGHT - 40);
  const marginX = portrait ? 110 : 110;
  const rowGap = rows > 1 ? (height - TOP - 100) / (rows - 1) : 0;
  const step = (width - 2 * marginX) / (perRow - 1);
  const points = Array.from({ length: count }, (_, i) => {
    const row = Math.floor(i / perRow);
    const col = i % perRow;
    const x = row % 2 === 0 ? marginX + col * step : width - marginX - col * step;
    // A gentle wave so the path reads as a road, not a table.
    const y = TOP + row * rowGap + (col % 2 === 0 ? 0 : 22);
    return { x, y };
  });
  return { width, height, points };
}

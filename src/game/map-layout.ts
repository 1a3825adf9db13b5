/**
 * Where each level sits on the map: a winding path across a logical canvas, shared by the Phaser
 * scene that draws it and the HTML buttons laid over it. Wide screens get a landscape road of five
 * places a row; narrow (phone) screens a portrait one of three, so titles stay readable. The road
 * between two rows goes round the outside of the row's last title, never through it.
 */

/** A point on the map, in logical pixels. */
export interface MapPoint {
  readonly x: number;
  readonly y: number;
}

/** A rectangle on the map, in logical pixels. */
export interface MapBox {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The map's logical size, its places and the road through them; the canvas and the overlay scale it. */
export interface MapGeometry {
  readonly width: number;
  readonly height: number;
  readonly points: readonly MapPoint[];
  /** The road's centre line: every place in order, with the bends between rows. */
  readonly road: readonly MapPoint[];
}

/** The sizes the scene draws with: the layout keeps the road clear of what they cover. */
export const MAP_SIZES = {
  /** A place's circle. */
  nodeRadius: 30,
  /** Half the road's drawn width, its edge included. */
  roadHalfWidth: 15,
  /** The title under a place: its top below the place's centre, its wrap width and line count. */
  titleTop: 46,
  titleWidth: 150,
  titleLineHeight: 20,
  titleMaxLines: 3,
  /** The three stars above a place: their centre line above the place's centre, and their radius. */
  starsAbove: 44,
  starRadius: 9,
  starGap: 22,
} as const;

const ROW_HEIGHT = 190;
const TOP = 90;
/** Room under the last row's centres for the wave, the title and its outline. */
const BOTTOM = 160;
/** How far past a row's last place the road bends down: past half a title and the road's own half. */
const BEND_OUT = MAP_SIZES.titleWidth / 2 + MAP_SIZES.roadHalfWidth + 10;
/** Wide enough that the bend's road stays on the canvas. */
const MARGIN_X = BEND_OUT + MAP_SIZES.roadHalfWidth + 5;

/** The box a place's title may fill (wrapped to `titleWidth`, at most `titleMaxLines` lines, outlined). */
export function titleBox(p: MapPoint): MapBox {
  const { titleTop, titleWidth, titleLineHeight, titleMaxLines } = MAP_SIZES;
  return {
    left: p.x - titleWidth / 2,
    right: p.x + titleWidth / 2,
    top: p.y + titleTop,
    bottom: p.y + titleTop + titleMaxLines * titleLineHeight + 6,
  };
}

/** The box a place's three stars fill. */
export function starsBox(p: MapPoint): MapBox {
  const { starsAbove, starRadius, starGap } = MAP_SIZES;
  return {
    left: p.x - starGap - starRadius,
    right: p.x + starGap + starRadius,
    top: p.y - starsAbove - starRadius,
    bottom: p.y - starsAbove + starRadius,
  };
}

/** The road's centre line through `points`: straight along a row, round the outside at its end. */
function roadThrough(points: readonly MapPoint[], perRow: number): MapPoint[] {
  const road: MapPoint[] = [];
  points.forEach((p, i) => {
    road.push(p);
    const next = points[i + 1];
    if (!next || (i + 1) % perRow !== 0) return;
    // The row ends here; the next starts under it. Even rows run right, so they bend on the right.
    const outward = Math.floor(i / perRow) % 2 === 0 ? 1 : -1;
    const x = p.x + outward * BEND_OUT;
    road.push({ x, y: p.y }, { x, y: next.y });
  });
  return road;
}

/**
 * The road for `count` levels: rows going left to right, then right to left. `compact` drops the
 * big map's least height, for a pack's short path.
 */
export function mapGeometry(count: number, portrait: boolean, compact = false): MapGeometry {
  const perRow = portrait ? 3 : 5;
  const width = portrait ? 600 : 960;
  const rows = Math.max(1, Math.ceil(count / perRow));
  const least = compact ? 300 : portrait ? 600 : 540;
  const height = Math.max(least, TOP + (rows - 1) * ROW_HEIGHT + BOTTOM);
  const rowGap = rows > 1 ? (height - TOP - BOTTOM) / (rows - 1) : 0;
  const step = (width - 2 * MARGIN_X) / (perRow - 1);
  const points = Array.from({ length: count }, (_, i) => {
    const row = Math.floor(i / perRow);
    const col = i % perRow;
    const x = row % 2 === 0 ? MARGIN_X + col * step : width - MARGIN_X - col * step;
    // A gentle wave so the path reads as a road, not a table.
    const y = TOP + row * rowGap + (col % 2 === 0 ? 0 : 22);
    return { x, y };
  });
  return { width, height, points, road: roadThrough(points, perRow) };
}

/**
 * The level map as a Phaser scene: a road through the levels, each a place that is locked, open or
 * won with its stars. It only draws; the page lays accessible HTML buttons over the same points.
 */
import Phaser from 'phaser';
import { MAP_SIZES, type MapGeometry, type MapPoint } from './map-layout';
import type { MapEntry } from './progression';

const COLOURS = {
  sky: 0x1d2b53,
  ground: 0x24476b,
  road: 0xf4e7c3,
  roadEdge: 0xc9b27c,
  locked: 0x5c6b80,
  open: 0x2fa4ff,
  won: 0x3cb371,
  star: 0xffd23f,
  text: '#ffffff',
} as const;

/** What the scene draws. */
export interface MapSceneData {
  readonly entries: readonly MapEntry[];
  readonly geometry: MapGeometry;
}

function starPoints(x: number, y: number, radius: number): Phaser.Math.Vector2[] {
  const points: Phaser.Math.Vector2[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? radius : radius * 0.45;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(new Phaser.Math.Vector2(x + r * Math.cos(angle), y + r * Math.sin(angle)));
  }
  return points;
}

/**
 * The three stars of a level a player can play: earned ones filled, the others outlined (still to
 * earn). A locked level has none: there is nothing to earn there yet.
 */
function drawStars(g: Phaser.GameObjects.Graphics, entry: MapEntry, p: MapPoint): void {
  if (entry.state === 'locked') return;
  const { starsAbove, starRadius, starGap } = MAP_SIZES;
  for (let s = 0; s < 3; s++) {
    const points = starPoints(p.x - starGap + s * starGap, p.y - starsAbove, starRadius);
    if (s < entry.stars) {
      g.fillStyle(COLOURS.star, 1);
      g.fillPoints(points, true);
    } else {
      g.lineStyle(2, COLOURS.star, 0.7);
      g.strokePoints(points, true, true);
    }
  }
}

/** The road along `road`, its edge under it, with round bends so the corners have no notches. */
function drawRoad(g: Phaser.GameObjects.Graphics, road: readonly MapPoint[]): void {
  if (road.length < 2) return;
  const vectors = road.map((p) => new Phaser.Math.Vector2(p.x, p.y));
  const half = MAP_SIZES.roadHalfWidth;
  const layers = [
    { colour: COLOURS.roadEdge, radius: half },
    { colour: COLOURS.road, radius: half - 4 },
  ];
  for (const { colour, radius } of layers) {
    g.lineStyle(radius * 2, colour, 1);
    g.strokePoints(vectors, false);
    g.fillStyle(colour, 1);
    for (const v of vectors) g.fillCircle(v.x, v.y, radius);
  }
}

function drawLock(g: Phaser.GameObjects.Graphics, x: number, y: number): void {
  g.lineStyle(3, 0xdde3ea, 1);
  g.strokeCircle(x, y - 6, 6);
  g.fillStyle(0xdde3ea, 1);
  g.fillRoundedRect(x - 9, y - 4, 18, 14, 3);
  g.fillStyle(COLOURS.locked, 1);
  g.fillCircle(x, y + 2, 2.5);
}

/** Draws the map from the entries given at start; restart the scene with new data to redraw. */
export class MapScene extends Phaser.Scene {
  private info: MapSceneData = { entries: [], geometry: { width: 0, height: 0, points: [], road: [] } };

  constructor() {
    super('map');
  }

  init(data: MapSceneData): void {
    this.info = data;
  }

  create(): void {
    const { entries, geometry } = this.info;
    const { width, height, points } = geometry;
    const g = this.add.graphics();
    g.fillStyle(COLOURS.sky, 1);
    g.fillRect(0, 0, width, height);
    // Soft hills behind the road.
    g.fillStyle(COLOURS.ground, 1);
    for (let x = 80; x < width + 180; x += 170) g.fillEllipse(x, height + 40, 360, 260);
    // Pixels scattered like stars in the sky: a nod to the pictures the networks learn.
    const sky = this.add.graphics();
    for (let i = 0; i < 40; i++) {
      sky.fillStyle(0xffffff, 0.12 + ((i * 37) % 10) / 40);
      sky.fillRect((i * 211) % width, (i * 97) % (height - 120), 3, 3);
    }
    drawRoad(g, geometry.road);
    entries.forEach((entry, i) => {
      const p = points[i];
      if (!p) return;
      const colour =
        entry.state === 'locked' ? COLOURS.locked : entry.state === 'won' ? COLOURS.won : COLOURS.open;
      const node = this.add.graphics();
      node.fillStyle(0x000000, 0.25);
      node.fillCircle(p.x + 3, p.y + 4, MAP_SIZES.nodeRadius);
      node.fillStyle(colour, 1);
      node.fillCircle(p.x, p.y, MAP_SIZES.nodeRadius);
      node.lineStyle(4, 0xffffff, entry.state === 'locked' ? 0.4 : 0.9);
      node.strokeCircle(p.x, p.y, MAP_SIZES.nodeRadius);
      if (entry.state === 'locked') drawLock(node, p.x, p.y);
      else {
        this.add
          .text(p.x, p.y, String(i + 1), {
            fontFamily: 'sans-serif',
            fontSize: '26px',
            color: COLOURS.text,
            fontStyle: 'bold',
          })
          .setOrigin(0.5);
      }
      drawStars(node, entry, p);
      this.add
        .text(p.x, p.y + MAP_SIZES.titleTop, entry.title, {
          fontFamily: 'sans-serif',
          fontSize: '15px',
          color: COLOURS.text,
          align: 'center',
          // The layout keeps the road out of this box: no wider, no more lines.
          wordWrap: { width: MAP_SIZES.titleWidth },
          maxLines: MAP_SIZES.titleMaxLines,
          // An outline in the sky's colour keeps titles readable where the road passes behind them.
          stroke: '#1d2b53',
          strokeThickness: 5,
        })
        .setOrigin(0.5, 0)
        .setAlpha(entry.state === 'locked' ? 0.6 : 1);
      if (entry.state === 'open') {
        // The level to play next breathes, so a new player knows where to start.
        const ring = this.add.circle(p.x, p.y, 34);
        ring.setStrokeStyle(4, COLOURS.star, 1);
        this.tweens.add({ targets: ring, scale: 1.25, alpha: 0, duration: 1200, repeat: -1 });
      }
    });
  }
}

/** Starts Phaser in `parent` with the map scene. */
export function startMapGame(parent: HTMLElement, data: MapSceneData): Phaser.Game {
  return new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: data.geometry.width,
    height: data.geometry.height,
    backgroundColor: '#1d2b53',
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
    banner: false,
    audio: { noAudio: true },
    scene: [],
    callbacks: {
      postBoot: (game) => {
        game.scene.add('map', MapScene, true, data);
      },
    },
  });
}

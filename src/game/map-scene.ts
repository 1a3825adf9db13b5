/**
 * The level map as a Phaser scene: a road through the levels, each a place that is locked, open or
 * won with its stars. It only draws; the page lays accessible HTML buttons over the same points.
 */
import Phaser from 'phaser';
import type { MapGeometry } from './map-layout';
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
  starEmpty: 0x3a4a60,
  text: '#ffffff',
} as const;

/** What the scene draws. */
export interface MapSceneData {
  readonly entries: readonly MapEntry[];
  readonly geometry: MapGeometry;
}

function drawStar(g: Phaser.GameObjects.Graphics, x: number, y: number, radius: number): void {
  const points: Phaser.Math.Vector2[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? radius : radius * 0.45;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(new Phaser.Math.Vector2(x + r * Math.cos(angle), y + r * Math.sin(angle)));
  }
  g.fillPoints(points, true);
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
  private info: MapSceneData = { entries: [], geometry: { width: 0, height: 0, points: [] } };

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
    const vectors = points.map((p) => new Phaser.Math.Vector2(p.x, p.y));
    if (vectors.length > 1) {
      g.lineStyle(30, COLOURS.roadEdge, 1);
      g.strokePoints(vectors, false);
      g.lineStyle(22, COLOURS.road, 1);
      g.strokePoints(vectors, false);
    }
    entries.forEach((entry, i) => {
      const p = points[i];
      if (!p) return;
      const colour =
        entry.state === 'locked' ? COLOURS.locked : entry.state === 'won' ? COLOURS.won : COLOURS.open;
      const node = this.add.graphics();
      node.fillStyle(0x000000, 0.25);
      node.fillCircle(p.x + 3, p.y + 4, 30);
      node.fillStyle(colour, 1);
      node.fillCircle(p.x, p.y, 30);
      node.lineStyle(4, 0xffffff, entry.state === 'locked' ? 0.4 : 0.9);
      node.strokeCircle(p.x, p.y, 30);
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
      for (let s = 0; s < 3; s++) {
        node.fillStyle(s < entry.stars ? COLOURS.star : COLOURS.starEmpty, 1);
        drawStar(node, p.x - 22 + s * 22, p.y - 44, 9);
      }
      this.add
        .text(p.x, p.y + 46, entry.title, {
          fontFamily: 'sans-serif',
          fontSize: '15px',
          color: COLOURS.text,
          align: 'center',
          wordWrap: { width: 150 },
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

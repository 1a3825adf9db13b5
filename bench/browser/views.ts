/**
 * A stand-in for the training views: draws every layer's activations of the latest snapshot as
 * grey pixels, once per frame, so the frame timings include the page's drawing work.
 */
import type { SnapshotEvent } from '../../src/worker/protocol';

/** Starts drawing into `host`; feed it snapshots, stop it when done. */
export function drawViews(host: HTMLElement): { show(snapshot: SnapshotEvent): void; stop(): void } {
  let latest: SnapshotEvent | null = null;
  let drawn: SnapshotEvent | null = null;
  let running = true;
  const canvases: HTMLCanvasElement[] = [];
  const draw = () => {
    if (!running) return;
    if (latest && latest !== drawn) {
      drawn = latest;
      latest.activations?.forEach((layer, i) => {
        const [height, width, channels] = layer.shape.length === 3 ? layer.shape : [1, layer.shape[0], 1];
        let canvas = canvases[i];
        if (!canvas) {
          canvas = document.createElement('canvas');
          canvas.style.width = '160px';
          canvas.style.imageRendering = 'pixelated';
          host.append(canvas);
          canvases[i] = canvas;
        }
        canvas.width = width * channels;
        canvas.height = height;
        const context = canvas.getContext('2d');
        if (!context) return;
        const image = context.createImageData(canvas.width, canvas.height);
        let max = 1e-6;
        for (const v of layer.values) max = Math.max(max, Math.abs(v));
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            for (let c = 0; c < channels; c++) {
              const value = layer.values[(y * width + x) * channels + c] ?? 0;
              const grey = Math.round(127 + (127 * value) / max);
              const at = 4 * (y * canvas.width + c * width + x);
              image.data.set([grey, grey, grey, 255], at);
            }
          }
        }
        context.putImageData(image, 0, 0);
      });
    }
    requestAnimationFrame(draw);
  };
  requestAnimationFrame(draw);
  return {
    show(snapshot) {
      latest = snapshot;
    },
    stop() {
      running = false;
      for (const canvas of canvases) canvas.remove();
    },
  };
}

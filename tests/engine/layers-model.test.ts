/**
 * The TensorFlow.js layers model an export writes is the same network as ConvBlocks': for every
 * built-in level, its briefly trained reference network gives the same probabilities on every
 * hidden picture, after a round trip through model.json and weights.bin and tf.loadLayersModel.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { tf } from '../../src/engine';
import { buildLayersModel, predictWithModel, saveLayersModel } from '../../src/engine/layers-model';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { indexIds } from '../levels/built-in-levels';
import { everyOptionNetwork, trainedReference } from './trained-reference';

describe('the exported TensorFlow.js layers model', () => {
  it.each([...indexIds(), 'every layer option'])(
    'predicts as ConvBlocks does on every hidden picture of %s',
    async (id) => {
      const { level, network, expected } =
        id === 'every layer option' ? await everyOptionNetwork() : await trainedReference(id);
      const built = buildLayersModel(network);
      const files = await saveLayersModel(built);
      built.dispose();
      // What tf.loadLayersModel reads from disk: model.json's topology and manifest, then weights.bin.
      const json = JSON.parse(JSON.stringify(files.modelJson));
      const manifest = json.weightsManifest[0];
      expect(manifest.paths).toEqual(['./weights.bin']);
      const loaded = await tfl.loadLayersModel(
        tf.io.fromMemory({
          modelTopology: json.modelTopology,
          weightSpecs: manifest.weights,
          weightData: files.weightsBin.slice().buffer,
        }),
      );
      const got = predictWithModel(
        loaded,
        level.input,
        level.test.map((e) => e.pixels as number[]),
      );
      loaded.dispose();
      expect(got).toHaveLength(level.test.length);
      let worst = 0;
      got.forEach((row, i) => {
        row.forEach((p, k) => {
          worst = Math.max(worst, Math.abs(p - (expected[i]?.[k] as number)));
        });
      });
      expect(worst).toBeLessThan(1e-4);
    },
    LONG_TEST_MS,
  );
});

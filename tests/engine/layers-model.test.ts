/**
 * The TensorFlow.js layers model an export writes is the same network as ConvBlocks': for every
 * built-in level, its briefly trained reference network gives the same probabilities on every
 * hidden picture, after a round trip through model.json and weights.bin and tf.loadLayersModel.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { tf } from '../../src/engine';
import { kerasScript } from '../../src/engine/export/keras-script';
import {
  buildLayersModel,
  type KerasModelConfig,
  kerasConfigOf,
  predictWithModel,
  saveLayersModel,
} from '../../src/engine/layers-model';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { indexIds } from '../levels/built-in-levels';
import { everyOptionNetwork, trainedReference } from './trained-reference';

const PYTHON = '/usr/bin/python3';
const hasPython = existsSync(PYTHON);

describe('the exported TensorFlow.js layers model', () => {
  it.each([...indexIds(), 'every layer option'])(
    'predicts as ConvBlocks does on every hidden picture of %s',
    async (id) => {
      const { level, network, expected } =
        id === 'every layer option' ? await everyOptionNetwork() : await trainedReference(id);
      const built = buildLayersModel(network);
      const files = await saveLayersModel(built);
      const weights = built.getWeights().map((t) => ({ shape: t.shape, values: Array.from(t.dataSync()) }));
      const keras = kerasScript(network, level, kerasConfigOf(built), weights);
      built.dispose();
      // The Keras script is written from this model's own config: one Keras layer per tfjs layer.
      for (const layer of (files.modelJson.modelTopology as KerasModelConfig).config.layers) {
        expect(keras).toContain(`keras.layers.${layer.class_name}(`);
      }
      if (hasPython) {
        const syntax = spawnSync(PYTHON, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], {
          input: keras,
          encoding: 'utf8',
        });
        expect(syntax.stderr).toBe('');
      }
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

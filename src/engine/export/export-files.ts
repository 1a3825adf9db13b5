/** The files of an export: a TensorFlow.js layers model, a Keras script or a PyTorch script. */
import type { LevelSpec, NetworkSpec } from '../../spec';
import { buildLayersModel, kerasConfigOf, saveLayersModel, WEIGHTS_FILE } from '../layers-model';
import { kerasScript } from './keras-script';
import { pytorchScript } from './pytorch-script';

/** What an export can be. */
export const EXPORT_TARGETS = ['tfjs', 'keras', 'pytorch'] as const;

/** One of EXPORT_TARGETS. */
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

/** One file to write: its name (no folders) and its contents. */
export interface ExportFile {
  readonly name: string;
  readonly contents: string | Uint8Array;
}

/** The file names of each target's scripts. */
export const SCRIPT_FILES = { keras: 'model_keras.py', pytorch: 'model_pytorch.py' } as const;

/**
 * The files exporting `network` (parsed) as `target`. The Python scripts hold `level`'s pictures, so
 * they need it; the TensorFlow.js model does not.
 */
export async function exportFiles(
  network: NetworkSpec,
  target: ExportTarget,
  level?: LevelSpec,
): Promise<ExportFile[]> {
  if (target === 'pytorch') {
    if (!level) throw new Error('a PyTorch script needs the level whose pictures it holds');
    return [{ name: SCRIPT_FILES.pytorch, contents: pytorchScript(network, level) }];
  }
  const model = buildLayersModel(network);
  try {
    if (target === 'tfjs') {
      const files = await saveLayersModel(model);
      return [
        { name: 'model.json', contents: `${JSON.stringify(files.modelJson)}\n` },
        { name: WEIGHTS_FILE, contents: files.weightsBin },
      ];
    }
    if (!level) throw new Error('a Keras script needs the level whose pictures it holds');
    const weights = model.getWeights().map((t) => ({ shape: t.shape, values: Array.from(t.dataSync()) }));
    return [
      { name: SCRIPT_FILES.keras, contents: kerasScript(network, level, kerasConfigOf(model), weights) },
    ];
  } finally {
    model.dispose();
  }
}

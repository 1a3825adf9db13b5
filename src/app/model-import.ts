/**
 * Opening a TensorFlow.js layers model (model.json and its weights file, picked together) as
 * blocks, behind the same Open/Cancel question as every shared network. The files are capped in
 * size before they are read, and src/spec parses them like any other untrusted document.
 */
import type { SharedDocument } from '../share';
import { parseJsonText, parseLayersModel, SpecError } from '../spec';
import type { PlayerStore } from '../storage';
import { type AppContext, MAX_FILE_BYTES, readFileText } from '../ui';
import { parseRoute } from './router';

/** Whether the picked files are a layers model: a weights file among them, or more than one file. */
export function isModelPick(files: readonly File[]): boolean {
  return files.length > 1 || files.some((f) => f.name.toLowerCase().endsWith('.bin'));
}

async function readBytes(file: File): Promise<Uint8Array> {
  if (file.size > MAX_FILE_BYTES) {
    throw new SpecError(
      'weights',
      `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB, more than any ConvBlocks network`,
    );
  }
  return new Uint8Array(await file.arrayBuffer());
}

/** The network in the picked model files, for the level on screen when the model does not say. */
async function readModel(files: readonly File[]) {
  const json = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  const bins = files.filter((f) => f.name.toLowerCase().endsWith('.bin'));
  if (json.length !== 1 || bins.length !== 1 || files.length !== 2) {
    throw new SpecError('', 'choose a model.json and its one weights .bin file together (two files)');
  }
  const [modelFile, weightsFile] = [json[0] as File, bins[0] as File];
  const model = parseJsonText((await readFileText(modelFile)).trim());
  const route = parseRoute(location.hash);
  const name = modelFile.name.replace(/\.json$/i, '').slice(0, 60) || 'imported model';
  return parseLayersModel(model, await readBytes(weightsFile), {
    name: name === 'model' ? 'imported model' : name,
    ...(route.screen === 'level' && { level: route.id }),
  });
}

/**
 * Reads the picked model files and hands the network they hold to `offer` (the Open/Cancel question);
 * a bad pick is refused with its message.
 */
export async function openModelFiles(
  files: readonly File[],
  context: AppContext<PlayerStore>,
  offer: (shared: SharedDocument, context: AppContext<PlayerStore>) => Promise<void>,
): Promise<void> {
  let network: Awaited<ReturnType<typeof readModel>>;
  try {
    network = await readModel(files);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.announce(`The model could not be opened: ${message}`);
    return;
  }
  await offer({ kind: 'network', network }, context);
}

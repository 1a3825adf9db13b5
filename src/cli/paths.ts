/** The training paths the command line can use, and starting the one a network needs. */
import { fileURLToPath } from 'node:url';
import { expectedFastest, useBackend } from '../engine';
import type { BackendName, NetworkSpec } from '../spec';
import { UsageError } from './args';
import { FileError } from './files';

/** Where the wasm backend's files are, seen from the bundle in node_modules/.cache/convblocks. */
const WASM_PATH = fileURLToPath(new URL('../../@tensorflow/tfjs-backend-wasm/dist/', import.meta.url));

/** The paths the command line can train on. */
const CLI_PATHS: readonly BackendName[] = ['plain', 'wasm', 'cpu'];

/** A --backend choice: 'auto' or one of the command line's paths. */
export type PathChoice = BackendName | 'auto';

/** The --backend option: 'auto' or one of the command line's paths. */
export function backendOption(options: Map<string, string | true>): PathChoice {
  const raw = options.get('backend') ?? 'auto';
  if (raw !== 'auto' && !CLI_PATHS.includes(raw as BackendName))
    throw new UsageError(`--backend expects auto, plain, cpu or wasm but got ${String(raw)}`);
  return raw as PathChoice;
}

/** Starts the path for `network`: the one asked for, or for 'auto' the one expected fastest for its size. */
export async function startPath(
  choice: PathChoice,
  network: Pick<NetworkSpec, 'input' | 'layers' | 'training'>,
  trainCount: number,
): Promise<BackendName> {
  const path = choice === 'auto' ? expectedFastest(network, trainCount, CLI_PATHS) : choice;
  if (!(await useBackend(path, { wasmPath: WASM_PATH }))) {
    throw new FileError(`the ${path} backend could not start here`);
  }
  return path;
}

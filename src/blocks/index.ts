/** The block editor: block definitions, compiling a workspace to layers and back, and the mounted editor. */
export {
  annotateWorkspace,
  annotationsFor,
  applyAnnotations,
  type BlockAnnotation,
  paramsText,
} from './annotate';
export { BLOCK_COLOURS, type BlockKind } from './colours';
export {
  type BlockProblem,
  type CompileContext,
  type CompileResult,
  compileWorkspace,
  findNetworkBlock,
  type ProblemKind,
} from './compile';
export { BLOCK_DEFINITIONS, LAYER_BLOCKS, NETWORK_BLOCK_TYPE } from './definitions';
export { BLOCKLY_MEDIA_PATH, type BlockEditor, type BlockEditorOptions, mountBlockEditor } from './editor';
export { registerBlocks } from './register';
export { convBlocksTheme } from './theme';
export { maxInstancesFor, toolboxFor } from './toolbox';
export {
  layersToWorkspaceState,
  loadNetworkIntoWorkspace,
  loadWorkspaceState,
  parseWorkspaceText,
  saveWorkspaceState,
  validateWorkspaceState,
  type WorkspaceState,
} from './workspace-state';

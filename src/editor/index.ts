/** The teacher's level editor: the screen, and the pure draft, check and picture logic it is built on. */
export { buildLevel, draftToDocument, levelToDraft, newLevelId } from './build-level';
export { checkDraft, type Finding } from './check';
export { type EditorDraft, isReady, newDraft } from './draft';
export { EDITOR_SAVE_DELAY_MS, showLevelEditor } from './editor-screen';

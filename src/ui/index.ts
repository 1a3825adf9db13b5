/** The page's small kit for the app shell and the level editor: elements, dialogs, files, screens. */
export { editorHash, levelHash } from './addresses';
export type { AppContext, Screen } from './context';
export {
  chooseDialog,
  confirmDialog,
  downloadText,
  MAX_FILE_BYTES,
  pickTextFile,
  readFileText,
  showDialog,
} from './dialogs';
export { button, el } from './dom';
export { pictureCanvas, type WrongAnswer, wrongPictures } from './level-picture';

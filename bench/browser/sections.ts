/** Every section of `npm run bench:browser`, in the order they run: add a section with one line. */

import { editorSection } from './editor-section';
import { levelsSection } from './levels-section';
import type { BenchSection } from './section';
import { soakSection } from './soak-section';
import { trainingSection } from './training-section';

export const SECTIONS: readonly BenchSection[] = [editorSection, trainingSection, levelsSection, soakSection];

import type { SharedDocument } from '../share';

/** What the page asks the parse worker: a link (`#net=...`, `#level=...`) or a pasted or opened text. */
export interface ParseRequest {
  readonly from: 'link' | 'text';
  readonly text: string;
}

/** The parse worker's answer: the document, or why it was refused (a SpecError's field and message). */
export type ParseAnswer =
  | { readonly ok: true; readonly shared: SharedDocument }
  | { readonly ok: false; readonly spec: boolean; readonly field: string; readonly message: string };

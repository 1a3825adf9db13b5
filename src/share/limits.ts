/** How big shared things may be, so a crafted link or file can never ask the page for absurd work. */
export const SHARE_LIMITS = {
  /**
   * Characters of a link's data (after `#net=` / `#level=`), checked before anything is decoded.
   * Far above what a browser address bar or a chat message carries, well below what hurts a page.
   */
  linkDataChars: 1_000_000,
  /** Bytes a link may unpack to: inflating stops as soon as the output passes this. */
  inflatedBytes: 16 * 1024 * 1024,
  /** Characters of pasted or opened text (a JSON file), checked before it is parsed. */
  textChars: 16 * 1024 * 1024,
  /**
   * Characters of one student's results file (`convblocks/results`): 40 levels of 32 layers each
   * write about 100,000; checked before the file is parsed.
   */
  resultChars: 1_000_000,
  /** A link up to this many characters (its `#...` part) is short enough to paste anywhere. */
  linkBudget: 2000,
} as const;

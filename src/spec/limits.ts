/** The sane maximums every document is held to, so no file or link can ask for absurd work. */
export const MAX = {
  /** Layers in one network. */
  layers: 32,
  /** Picture height and width. */
  pictureSide: 64,
  /** Picture channels (grey is 1, colour 3). */
  channels: 4,
  filters: 256,
  /** Conv filter and pool window side. */
  windowSize: 16,
  stride: 16,
  units: 1024,
  classes: 10,
  /** Parameters of a whole network. */
  params: 2_000_000,
  /** Pictures in a level's training or test set. */
  pictures: 5000,
  batchSize: 4096,
  learningRate: 10,
  /** Characters of a name, a title or a class name. */
  nameLength: 80,
  /** Characters of one paragraph of text. */
  textLength: 2000,
  paragraphs: 20,
  /**
   * Training steps a level may ask for (`maxSteps`, a star's steps). The built-in levels ask for 600
   * at most; a million steps kept `convblocks check` busy for minutes.
   */
  steps: 10_000,
  /**
   * Pixel values of all of a level's pictures together (pictures x height x width x channels):
   * 8 MB as 32-bit numbers, 160 colour photos of 64x64. The built-in levels hold 20,000 at most;
   * 3,500 pictures of 64x64x4 (57 million) froze a tab for minutes while sitting inside every limit
   * on bytes. Saving a level costs time in proportion (IndexedDB copies every number): at 4 million
   * opening the largest level held the page for 4 to 9 s on a busy machine, so the cap is 2 million.
   */
  pixelValues: 2_000_000,
  /**
   * Multiply-adds of one training step (a batch, forward and backward): about a second of a
   * laptop's CPU. The built-in levels' reference networks need 5.9 million at most.
   */
  stepWork: 1_000_000_000,
  /**
   * Star rules of a level beyond the goal: the game shows three stars, the goal's and one per rule.
   */
  starRules: 2,
  /** Traps of a level: each costs `convblocks check` a training run per checked seed. */
  traps: 8,
  /** Characters of a trap's `idea`, one short sentence. */
  ideaLength: 200,
  /** Levels in one pack (`convblocks/pack`); a course of built-in levels has 17. */
  packLevels: 40,
  /**
   * Pixel values of all of a pack's levels together: one level's cap, since opening a pack saves
   * every level at once. The 17 built-in levels hold about 118,000 together.
   */
  packPixelValues: 2_000_000,
  /** Students' result files a teacher opens at once on the class results screen. */
  resultFiles: 200,
  /** Nesting of any document, so a crafted one cannot exhaust the stack. */
  depth: 16,
} as const;

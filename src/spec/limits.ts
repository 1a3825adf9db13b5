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
  steps: 1_000_000,
  /** Nesting of any document, so a crafted one cannot exhaust the stack. */
  depth: 16,
} as const;

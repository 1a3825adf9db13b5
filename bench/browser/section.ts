/** What a section of `npm run bench:browser` is: a name, its columns, and a run that returns rows. */
export interface BenchSection {
  /** The table's title, and the name `--section=` picks it by. */
  readonly name: string;
  readonly columns: readonly string[];
  /**
   * Runs in the bench page; each row holds one cell per column. `quick` skips the slow cases;
   * `repeat` is how many times the training section takes each frame-measuring run.
   */
  run(options: {
    quick: boolean;
    log: (line: string) => void;
    soakMinutes: number;
    repeat: number;
  }): Promise<string[][]>;
}

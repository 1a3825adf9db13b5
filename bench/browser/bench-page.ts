/**
 * The page `npm run bench:browser` drives: runs one section at a time on request and hands its
 * rows back to the script, which prints them.
 */
import { SECTIONS } from './sections';

declare global {
  interface Window {
    benchPage: {
      sections(): { name: string; columns: readonly string[] }[];
      run(name: string, quick: boolean, soakMinutes: number, repeat: number): Promise<string[][]>;
      /** Progress lines for the script to show while a section runs. */
      log: string[];
    };
  }
}

const log: string[] = [];

window.benchPage = {
  sections: () => SECTIONS.map(({ name, columns }) => ({ name, columns })),
  async run(name, quick, soakMinutes, repeat) {
    const section = SECTIONS.find((s) => s.name === name);
    if (!section)
      throw new Error(`No bench section "${name}": pick one of ${SECTIONS.map((s) => s.name).join(', ')}`);
    return section.run({ quick, soakMinutes, repeat, log: (line) => log.push(line) });
  },
  log,
};
document.body.dataset.ready = 'true';

import { button, el } from './dom';

/** Shows a modal dialog built by `build`; it resolves with what `close` was given (or null on Escape). */
export function showDialog<T>(
  title: string,
  build: (close: (value: T | null) => void) => (Node | null)[],
): Promise<T | null> {
  return new Promise((resolve) => {
    const heading = el('h2', { id: 'dialog-title' }, title);
    const dialog = el('dialog', { class: 'dialog', 'aria-labelledby': 'dialog-title' });
    let done = false;
    const close = (value: T | null) => {
      if (done) return;
      done = true;
      removeEventListener('hashchange', leave);
      if (dialog.open) dialog.close();
      dialog.remove();
      resolve(value);
    };
    // Going to another screen (Back, a link) answers nothing: the dialog belonged to the screen left.
    const leave = () => close(null);
    addEventListener('hashchange', leave);
    dialog.append(heading, ...build(close).filter((n): n is Node => n !== null));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(null);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** Asks a yes/no question; resolves true only for the first button. */
export async function confirmDialog(
  title: string,
  message: string,
  yes: string,
  no = 'Cancel',
): Promise<boolean> {
  const answer = await showDialog<boolean>(title, (close) => [
    el('p', {}, message),
    el(
      'div',
      { class: 'controls' },
      button(yes, () => close(true), { class: 'primary' }),
      button(no, () => close(false)),
    ),
  ]);
  return answer === true;
}

/** Offers a choice among buttons; resolves with the chosen key, or null. */
export async function chooseDialog<K extends string>(
  title: string,
  message: string,
  choices: readonly { key: K; label: string }[],
): Promise<K | null> {
  return showDialog<K>(title, (close) => [
    el('p', {}, message),
    el(
      'div',
      { class: 'controls' },
      ...choices.map((c, i) => button(c.label, () => close(c.key), i === 0 ? { class: 'primary' } : {})),
      button('Cancel', () => close(null)),
    ),
  ]);
}

/** Reads a text file the player picks; resolves null when they cancel. */
export function pickTextFile(
  accept = '.json,application/json',
): Promise<{ name: string; text: string } | null> {
  return new Promise((resolve) => {
    const input = el('input', { type: 'file', accept });
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      resolve(file ? { name: file.name, text: await readFileText(file) } : null);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/** The largest file the game reads as text: far above any real network, level or backup. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** Reads a file as text, refusing huge ones before reading. */
export async function readFileText(file: File): Promise<string> {
  if (file.size > MAX_FILE_BYTES) {
    throw new Error(
      `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB, more than any ConvBlocks file`,
    );
  }
  return file.text();
}

/** Saves text as a file download. */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

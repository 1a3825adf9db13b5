/**
 * "Make a pack": a teacher picks levels (their own, and built-in ones), puts them in order, gives a
 * title, and shares the pack as one `#pack=` link or a file.
 */
import { encodePackLink, packToFile, SHARE_LIMITS } from '../share';
import { type LevelPack, type LevelSpec, makePack, SpecError } from '../spec';
import type { PlayerStore } from '../storage';
import { type AppContext, button, downloadText, el, showDialog } from '../ui';
import './packs.css';

/** A level the teacher may put in the pack, and where it comes from. */
interface Choice {
  readonly level: LevelSpec;
  readonly from: string;
}

/** The chosen levels in order, drawn as a list with Up and Down beside each. */
function orderList(chosen: Choice[], redraw: () => void): HTMLElement {
  const list = el('ol', { class: 'pack-choices', 'aria-label': 'The pack, in order' });
  chosen.forEach((choice, i) => {
    const move = (by: number) => () => {
      const [moved] = chosen.splice(i, 1);
      if (moved) chosen.splice(i + by, 0, moved);
      redraw();
    };
    const up = button('Up', move(-1), { 'aria-label': `Move ${choice.level.title} up` });
    const down = button('Down', move(1), { 'aria-label': `Move ${choice.level.title} down` });
    up.disabled = i === 0;
    down.disabled = i === chosen.length - 1;
    list.append(el('li', {}, el('span', {}, `${i + 1}. ${choice.level.title}`), up, down));
  });
  if (chosen.length === 0) list.append(el('li', {}, 'Tick levels above to put them in the pack.'));
  return list;
}

/** The pick list: a checkbox per level the teacher may use. */
function pickList(choices: readonly Choice[], chosen: Choice[], redraw: () => void): HTMLElement {
  const list = el('ul', { class: 'pack-choices', 'aria-label': 'Levels to choose from' });
  choices.forEach((choice, i) => {
    const box = el('input', { type: 'checkbox', id: `pack-pick-${i}` });
    box.addEventListener('change', () => {
      const at = chosen.indexOf(choice);
      if (box.checked && at < 0) chosen.push(choice);
      if (!box.checked && at >= 0) chosen.splice(at, 1);
      redraw();
    });
    list.append(
      el(
        'li',
        {},
        box,
        el(
          'label',
          { for: `pack-pick-${i}`, class: 'pack-choice' },
          `${choice.level.title} (${choice.from})`,
        ),
      ),
    );
  });
  return list;
}

/** What the share row says and offers for a pack, or why there is none yet. */
function shareRow(pack: LevelPack | null, problem: string): { link: string; note: string } {
  if (!pack) return { link: '', note: problem };
  const hash = encodePackLink(pack).hash;
  const address = `${location.href.split('#')[0]}${hash}`;
  if (hash.length > SHARE_LIMITS.linkDataChars) {
    return {
      link: '',
      note: `As a link this pack would be ${hash.length} characters: save the file instead.`,
    };
  }
  const long =
    hash.length > SHARE_LIMITS.linkBudget ? ' (long: a chat may cut it; the file always works)' : '';
  return {
    link: address,
    note: `${pack.levels.length} levels, a link of ${address.length} characters${long}.`,
  };
}

/** Opens the pack maker over the built-in levels and the teacher's own. */
export async function packMakerDialog(
  builtIn: readonly LevelSpec[],
  context: AppContext<PlayerStore>,
): Promise<void> {
  const choices: Choice[] = [
    ...context.store.customLevels('mine').map((c) => ({ level: c.level, from: 'my level' })),
    ...builtIn.map((level, i) => ({ level, from: `built-in level ${i + 1}` })),
  ];
  await showDialog<null>('Make a pack of levels', (close) => {
    const chosen: Choice[] = [];
    const title = el('input', { type: 'text', id: 'pack-title', maxlength: '80' });
    const author = el('input', { type: 'text', id: 'pack-author', maxlength: '80' });
    const orderHost = el('div', {});
    const linkField = el('input', { type: 'text', readonly: '', id: 'pack-link', 'aria-label': 'Pack link' });
    const note = el('p', { class: 'share-note', role: 'status' });
    let pack: LevelPack | null = null;
    const redraw = () => {
      orderHost.replaceChildren(orderList(chosen, redraw));
      let problem = 'Give the pack a title and tick at least one level.';
      try {
        pack =
          chosen.length && title.value.trim()
            ? makePack(
                title.value,
                chosen.map((c) => c.level),
                author.value.trim() || undefined,
              )
            : null;
      } catch (error) {
        pack = null;
        problem = error instanceof SpecError ? `This pack cannot be made: ${error.message}` : String(error);
      }
      const row = shareRow(pack, problem);
      linkField.value = row.link;
      note.textContent = row.note;
      copy.disabled = row.link === '';
      save.disabled = pack === null;
    };
    const copy = button('Copy link', async () => {
      try {
        await navigator.clipboard.writeText(linkField.value);
        note.textContent = 'The link is copied: hand it to your class.';
      } catch {
        linkField.select();
        note.textContent = 'Copying was refused by the browser: the link is selected, press Ctrl+C.';
      }
    });
    const save = button('Save pack file', () => {
      if (!pack) return;
      const file = packToFile(pack);
      downloadText(file.filename, file.text);
      note.textContent = `Saved ${file.filename}.`;
    });
    title.addEventListener('input', redraw);
    author.addEventListener('input', redraw);
    const picks = pickList(choices, chosen, redraw);
    redraw();
    return [
      el('label', { for: 'pack-title' }, 'Title'),
      title,
      el('label', { for: 'pack-author' }, 'Your name (optional)'),
      author,
      el('h3', {}, 'Levels'),
      picks,
      el('h3', {}, 'Order'),
      orderHost,
      linkField,
      note,
      el(
        'div',
        { class: 'controls' },
        copy,
        save,
        button('Close', () => close(null)),
      ),
    ];
  });
}

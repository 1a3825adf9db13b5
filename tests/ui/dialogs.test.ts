// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { showDialog } from '../../src/ui';

describe('a dialog', () => {
  it('closes unanswered when the player goes to another screen', async () => {
    // jsdom has the element but not its modal behaviour: open it plainly.
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
      this.open = false;
    };
    const answer = showDialog<string>('Share', () => [document.createTextNode('a link')]);
    expect(document.querySelectorAll('dialog')).toHaveLength(1);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await expect(answer).resolves.toBeNull();
    expect(document.querySelectorAll('dialog')).toHaveLength(0);
  });
});

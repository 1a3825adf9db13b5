/**
 * Text that changes while a network trains (votes, legends, step counts), written so the browser
 * does as little layout as it can: nothing when the text is the same, and otherwise the element's
 * own text node edited in place. Assigning `textContent` removes the old text node and inserts a
 * new one each time, and Chromium then lays the node out again as if it were new.
 */
export function setText(element: Element, text: string): void {
  const only = element.firstChild;
  if (only && only === element.lastChild && only.nodeType === 3 /* Node.TEXT_NODE */) {
    if ((only as Text).data !== text) (only as Text).data = text;
    return;
  }
  if (element.textContent !== text) element.textContent = text;
}

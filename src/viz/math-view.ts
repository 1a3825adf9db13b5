/**
 * The math behind one number of a feature map, laid out as tables (the input patch, the filter, their
 * products) with the sum, the divide, the bias and the result written beneath. Every cell prints its
 * number; colour only repeats it.
 */
import { type CellMath, describeCellMath, formatNumber, formatShort, type WindowRows } from './cell-math';
import { type ColourScale, cssColour, needsLightText, symmetricScale } from './colour-scale';

/** The mounted math view. */
export interface MathView {
  readonly element: HTMLElement;
  /**
   * Shows the math of one cell under `title` (for example "Layer 1 Conv, filter 2, row 3, column 4");
   * `channelNames` names a Conv's input channels ("red", "green", "blue") where they are colours.
   */
  show(title: string, math: CellMath, channelNames?: readonly string[]): void;
  /** Hides the view. */
  hide(): void;
}

/**
 * Gives a shortened number its full value: as a tooltip on hover, to screen readers, and (being
 * focusable) shown beside it on keyboard focus.
 */
function withFullValue(node: HTMLElement, shown: string, full: string): void {
  if (shown === full) return;
  node.title = full;
  node.dataset.full = full;
  node.setAttribute('aria-label', full);
  node.tabIndex = 0;
}

function numbersOf(rows: WindowRows): number[] {
  return rows.flat().filter((v): v is number => v !== null);
}

function table(
  doc: Document,
  caption: string,
  rows: WindowRows,
  mark?: { row: number; column: number },
): HTMLTableElement {
  const scale: ColourScale = symmetricScale(numbersOf(rows));
  const element = doc.createElement('table');
  element.className = 'viz-math-table';
  const title = doc.createElement('caption');
  title.textContent = caption;
  const body = doc.createElement('tbody');
  for (const [r, row] of rows.entries()) {
    const tr = doc.createElement('tr');
    for (const [c, value] of row.entries()) {
      const td = doc.createElement('td');
      if (value === null) {
        td.className = 'viz-padding';
        td.textContent = 'pad';
        td.title = 'padding: outside the picture, counts as 0';
      } else {
        td.textContent = formatShort(value);
        withFullValue(td, td.textContent, formatNumber(value));
        td.style.background = cssColour(scale, value);
        td.style.color = needsLightText(scale, value) ? '#fff' : '#000';
      }
      if (mark && mark.row === r && mark.column === c) {
        td.classList.add('viz-picked');
        td.textContent = `★ ${td.textContent}`;
        td.title = 'the value max pooling keeps';
      }
      tr.append(td);
    }
    body.append(tr);
  }
  element.append(title, body);
  return element;
}

function operator(doc: Document, text: string): HTMLElement {
  const span = doc.createElement('span');
  span.className = 'viz-math-operator';
  span.setAttribute('aria-hidden', 'true');
  span.textContent = text;
  return span;
}

/** Builds the math view, hidden until a cell is shown; `onClose` hears the player close it. */
export function createMathView(doc: Document, onClose?: () => void): MathView {
  const element = doc.createElement('section');
  element.className = 'viz-math';
  element.hidden = true;
  element.setAttribute('aria-live', 'polite');
  const header = doc.createElement('div');
  header.className = 'viz-math-header';
  const heading = doc.createElement('h3');
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = 'Close';
  close.setAttribute('aria-label', 'Close the math view');
  header.append(heading, close);
  const tables = doc.createElement('div');
  tables.className = 'viz-math-tables';
  const steps = doc.createElement('ol');
  steps.className = 'viz-math-steps';
  const result = doc.createElement('p');
  result.className = 'viz-math-result';
  element.append(header, tables, steps, result);
  const hide = () => {
    element.hidden = true;
  };
  close.addEventListener('click', () => {
    hide();
    onClose?.();
  });

  return {
    element,
    show(title, math, channelNames) {
      heading.textContent = title;
      tables.replaceChildren();
      switch (math.kind) {
        case 'conv':
          for (const [c, channel] of math.channels.entries()) {
            const group = doc.createElement('div');
            group.className = 'viz-math-channel';
            const name = channelNames?.[c] ?? `channel ${c + 1}`;
            const suffix = math.channels.length > 1 ? ` (${name})` : '';
            group.append(
              table(doc, `Input patch${suffix}`, channel.patch),
              operator(doc, '×'),
              table(doc, `Filter${suffix}`, channel.kernel),
              operator(doc, '='),
              table(doc, `Products${suffix}`, channel.products),
            );
            tables.append(group);
          }
          break;
        case 'pool':
          tables.append(
            table(doc, `${math.op === 'max' ? 'Max' : 'Average'} pooling window`, math.window, math.picked),
          );
          break;
        case 'relu':
        case 'activation':
          tables.append(table(doc, 'Input value', [[math.input]]));
          break;
        default: {
          const unknown: never = math;
          throw new Error(`no math view for ${JSON.stringify(unknown)}`);
        }
      }
      const full = describeCellMath(math, formatNumber, channelNames);
      steps.replaceChildren(
        ...describeCellMath(math, formatShort, channelNames).map((line, i) => {
          const item = doc.createElement('li');
          item.textContent = line;
          withFullValue(item, line, full[i] ?? line);
          return item;
        }),
      );
      result.textContent = `Result: ${formatShort(math.result)}`;
      withFullValue(result, result.textContent, `Result: ${formatNumber(math.result)}`);
      element.hidden = false;
    },
    hide,
  };
}

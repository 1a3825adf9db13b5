/** The training view's look, in one place, added once per document. */

const STYLE_ID = 'convblocks-viz-style';

const CSS = `
.viz-training { font: 14px/1.4 system-ui, sans-serif; color: #222; display: grid; gap: 16px;
  grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); align-items: start; }
.viz-training h3 { margin: 0 0 6px; font-size: 16px; }
.viz-training h4 { margin: 8px 0 4px; font-size: 13px; font-weight: 600; }
.viz-training section { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 10px; }
.viz-step { grid-column: 1 / -1; margin: 0; font-weight: 600; }
.viz-picture { image-rendering: pixelated; image-rendering: crisp-edges; display: block; border: 1px solid #bbb; }
.viz-pictures-list { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.viz-picture-button { display: flex; flex-direction: column; align-items: center; gap: 2px; padding: 3px;
  border: 3px solid #ccc; border-radius: 4px; background: #fff; cursor: pointer; font: 12px system-ui, sans-serif; }
.viz-picture-button[data-state='right'] { border-color: #1a9850; }
.viz-picture-button[data-state='wrong'] { border-color: #d73027; border-style: dashed; }
.viz-picture-button[aria-pressed='true'] { outline: 3px solid #333; outline-offset: 1px; }
.viz-picture-button:focus-visible, .viz-clickable:focus-visible { outline: 3px solid #000; outline-offset: 2px; }
.viz-vote { white-space: nowrap; font-variant-numeric: tabular-nums; }
.viz-steady .viz-steady-box { width: var(--viz-steady-width); height: var(--viz-steady-height); contain: strict;
  text-align: center; }
.viz-chart { margin: 0; }
.viz-chart-legend { list-style: none; margin: 4px 0 0; padding: 0; display: flex; gap: 12px; flex-wrap: wrap; }
.viz-chart-legend li { display: flex; align-items: center; gap: 4px; }
.viz-legend { margin: 6px 0 0; width: 180px; font-size: 11px; }
.viz-legend-bar { height: 10px; border: 1px solid #999; }
.viz-legend-ticks { display: flex; justify-content: space-between; }
.viz-legend figcaption { color: #555; }
.viz-filter-row { display: flex; align-items: center; gap: 6px; margin: 6px 0; }
.viz-filter-row span { width: 56px; font-size: 12px; }
.viz-maps { display: flex; flex-wrap: wrap; gap: 6px; align-items: flex-end; }
.viz-maps figure { margin: 0; font-size: 11px; text-align: center; }
.viz-clickable { cursor: crosshair; }
.viz-map-wrap { position: relative; display: inline-block; overflow: hidden; vertical-align: bottom; }
.viz-map-mark { position: absolute; box-sizing: border-box; border: 2px solid #000; box-shadow: inset 0 0 0 1px #fff, 0 0 0 1px #fff; pointer-events: none; }
.viz-output-note { margin: 2px 0; font-size: 12px; color: #444; }
.viz-overflow { color: #b2182b; margin: 4px 0 8px; }
.viz-vote-row { display: grid; grid-template-columns: 70px 1fr 44px; gap: 6px; align-items: center; margin: 2px 0; }
.viz-vote-track { height: 14px; background: #eee; border: 1px solid #bbb; }
.viz-vote-fill { height: 100%; background: #4575b4; }
.viz-inside { grid-column: 1 / -1; display: grid; gap: 16px; align-items: start;
  grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); }
.viz-inside > .viz-math { position: sticky; top: 8px; }
.viz-math-header { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.viz-math-channel { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin-bottom: 8px; }
.viz-math-operator { font-size: 20px; font-weight: 600; }
.viz-math-table { border-collapse: collapse; font: 12px ui-monospace, monospace; }
.viz-math-table caption { font: 600 12px system-ui, sans-serif; padding-bottom: 2px; white-space: nowrap; text-align: left; }
.viz-math-table td { border: 1px solid #999; padding: 3px 5px; text-align: right; min-width: 28px; }
.viz-math-table td.viz-padding { background: repeating-linear-gradient(45deg, #eee 0 4px, #ccc 4px 8px); color: #555; font-style: italic; }
.viz-math-table td.viz-picked { outline: 3px solid #000; outline-offset: -3px; font-weight: 700; }
.viz-math-steps { font: 12px ui-monospace, monospace; padding-left: 20px; overflow-wrap: anywhere; }
.viz-math-result { font-weight: 700; font-size: 15px; }
.viz-math [data-full] { cursor: help; }
.viz-math [data-full]:focus { outline: 2px solid #000; position: relative; }
.viz-math [data-full]:focus::after { content: attr(data-full); position: absolute; left: 0; top: 100%; z-index: 2;
  background: #222; color: #fff; padding: 2px 6px; border-radius: 4px; width: max-content; max-width: 32em; font-weight: 400; }
`;

/** Adds the view's style sheet to `doc` unless it is there already. */
export function ensureVizStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.append(style);
}

/**
 * jsdom has no canvas: its `getContext` answers null and prints "Not implemented" on every call,
 * hundreds of lines that bury the test report. The tests that run in jsdom never look at pixels
 * (the browser tests do), so `getContext` answers null here too, quietly. Every other message
 * jsdom prints still reaches the report.
 */
if (typeof HTMLCanvasElement !== 'undefined') {
  HTMLCanvasElement.prototype.getContext = () => null;
}

// Drawing helpers of the tier page's and the explorer's charts. A chart is drawn in CSS pixels at
// the width it is shown (its viewBox is its size), so its text keeps its size on a phone and on a
// desktop alike. Lengths here are drawing, not money.
import { svg as s } from './elements.js';

/** Calls `draw(width)` now and whenever `box` changes width, with its width in CSS px (600 unseen). */
export function observeWidth(box, draw) {
  let last = 0;
  const measure = () => {
    const width = Math.round(box.getBoundingClientRect().width) || 600;
    if (Math.abs(width - last) < 1) return;
    last = width;
    draw(width);
  };
  if (typeof ResizeObserver === 'function') new ResizeObserver(measure).observe(box);
  return () => {
    last = 0;
    measure();
  };
}

/** Round gridline values from 0 to at least `top`: about four steps of 1, 2 or 5 × 10^k. */
export function ticks(top) {
  const rough = Math.max(top, 1) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((v) => v >= rough);
  const list = [];
  for (let v = 0; v < top + step; v += step) list.push(Number(v.toPrecision(12)));
  return list;
}

/**
 * Labels for months given as "YYYY-MM": the month's short name in `locale` (or from `names` where
 * the browser has none), with the year where it changes (the first month and every January).
 */
export function monthLabels(months, locale, names) {
  const format = Intl.DateTimeFormat.supportedLocalesOf([locale]).length
    ? new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' })
    : null;
  return months.map((month, i) => {
    const [year, number] = month.split('-').map(Number);
    const name = names?.[number - 1] ?? format?.format(new Date(Date.UTC(year, number - 1, 15))) ?? String(number).padStart(2, '0');
    return { name, year: i === 0 || number === 1 ? String(year) : '' };
  });
}

/**
 * A month given as "YYYY-MM" by name, with its year ("October 2027"): in `locale`, or from `names`
 * (short names) where the browser has none.
 */
export function monthName(month, locale, names) {
  const [year, number] = month.split('-').map(Number);
  if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length) {
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, number - 1, 15)));
  }
  return `${names?.[number - 1] ?? String(number).padStart(2, '0')} ${year}`;
}

const INK = '#1f2328';
const GRID = '#d0d7de';

/** Text in CSS px; `size` defaults to 12. */
export const label = (x, y, text, attributes = {}) => s('text', { x, y, 'font-size': 12, fill: INK, ...attributes }, text);

/** A light horizontal gridline with its value at the left. */
export function gridline(x1, x2, y, text) {
  return [s('line', { x1, x2, y1: y, y2: y, stroke: GRID, 'stroke-width': 1, class: 'grid' }),
    label(x1 - 6, y + 4, text, { 'text-anchor': 'end' })];
}

/** A light vertical gridline with its value below. */
export function vgridline(x, y1, y2, text) {
  return [s('line', { x1: x, x2: x, y1, y2, stroke: GRID, 'stroke-width': 1, class: 'grid' }),
    label(x, y2 + 16, text, { 'text-anchor': 'middle' })];
}

/**
 * Shortens a drawn label with "…" until it is at most `room` px wide, measured as drawn, and
 * keeps its whole text in a tooltip. A label not drawn (a hidden chart) measures 0 and stays.
 */
export function fitText(node, room) {
  const whole = node.textContent;
  if (node.getComputedTextLength() <= room) return;
  // Down to the ellipsis alone where not even a letter fits (a tier held for a single month).
  let keep = whole.length;
  while (keep > 0 && node.getComputedTextLength() > room) {
    keep -= 1;
    node.textContent = `${whole.slice(0, keep)}…`;
  }
  node.append(s('title', {}, whole));
}

// Pieces shared by the custom elements: safe DOM building, the error event, the shared look,
// and reading a program from attributes.
import { isCompiledProgram } from './compiled-program.js';
import { LoyaltyError } from './errors.js';

/** Fired when an element cannot show numbers: `detail` has `code`, `path` and `message`. */
export class LoyaltyErrorEvent extends CustomEvent {
  /**
   * `error` is whatever was thrown: a LoyaltyError, another Error, or any value. `extra` adds
   * fields to `detail`; the checkout adds `quote: null` (there is no amount to charge) and `text`.
   */
  constructor(error, extra = {}) {
    super('loyalty-error', {
      bubbles: true,
      composed: true,
      detail: { code: error?.code ?? 'unknown', path: error?.path ?? '', message: error?.message ?? String(error), ...extra },
    });
  }
}

/**
 * Registers `element` under `tag`. Loading a script twice, or another script holding the tag,
 * does not throw: the tag is left as it is, with a warning when another class holds it.
 */
export function defineElement(tag, element, registry = globalThis.customElements) {
  if (!registry) return false;
  const existing = registry.get(tag);
  if (existing) {
    if (existing !== element) console.warn(`<${tag}> is already defined by another script; keeping that one.`);
    return false;
  }
  registry.define(tag, element);
  return true;
}

/** Builds an element; children are nodes or text. Text is always set as text, never as HTML. */
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

let nextId = 0;

/** A page-unique prefix for the ids inside one element's shadow root. */
export function uniqueId(name) {
  nextId += 1;
  return `${name}-${nextId}`;
}

/** The look every element shares: theming properties with defaults, the card and its states. */
const BASE_STYLE = `
:host {
  --loyalty-font: inherit; --loyalty-fg: #1f2328; --loyalty-muted: #57606a; --loyalty-bg: #ffffff;
  --loyalty-border: #d0d7de; --loyalty-accent: #0a5c36; --loyalty-accent-fg: #ffffff; --loyalty-radius: 8px;
  display: block; font-family: var(--loyalty-font); color: var(--loyalty-fg);
}
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
.card { background: var(--loyalty-bg); border: 1px solid var(--loyalty-border); border-radius: var(--loyalty-radius); padding: 1rem; box-sizing: border-box; }
.card[data-state="ready"] .status, .card[data-state="ready"] .fallback, .card:not([data-state="ready"]) .main { display: none; }
header { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; justify-content: space-between; }
.badge { background: var(--loyalty-accent); color: var(--loyalty-accent-fg); border-radius: 999px; padding: .2rem .7rem; font-weight: 600; font-size: .9rem; }
.muted { color: var(--loyalty-muted); font-size: .9rem; margin: .25rem 0; }
meter { width: 100%; height: 1rem; display: block; }
input[type="range"] { min-height: 24px; accent-color: var(--loyalty-accent); }
button { font: inherit; min-height: 44px; padding: .4rem .8rem; border-radius: var(--loyalty-radius); border: 1px solid var(--loyalty-accent); background: transparent; color: var(--loyalty-accent); cursor: pointer; }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.error { color: #a40e26; }
`;

/**
 * A constructed stylesheet of the shared look plus an element's own rules. Constructed sheets
 * need no 'unsafe-inline' in the host page's Content Security Policy.
 */
export function styleSheetOf(css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(BASE_STYLE + css);
  return sheet;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Builds an SVG element, as h() builds an HTML one. */
export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/**
 * The program an element's attributes give: inline JSON in `program`, or what the URL in
 * `program-src` holds (a compiled program's bytes, or JSON); null when neither is set.
 */
export async function programFromAttributes(element) {
  let path = 'program';
  let text = element.getAttribute(path);
  const source = element.getAttribute('program-src');
  if (!text && source) {
    path = 'program-src';
    const response = await fetch(source);
    if (!response.ok) throw new LoyaltyError('program_unavailable', path, `The program could not be loaded: HTTP ${response.status}.`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (isCompiledProgram(bytes)) return bytes;
    text = new TextDecoder().decode(bytes);
  }
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LoyaltyError('invalid_json', path, `The program is not JSON: ${error.message}`);
  }
}

// The checkout's points slider as numbers: whole steps of what the core can redeem. Point counts
// are whole numbers, never money, so plain integers are exact here.

/**
 * The slider's range for a quote's `points`: steps of `redeem_step` (1 when the core sends none),
 * from 0 to the largest whole step within the cap, and the program's minimum use rounded up to a
 * step. Every bound is a multiple of the step.
 */
export function redeemRange(points, minRedeem = 0) {
  const step = Math.max(1, points?.redeem_step ?? 1);
  return {
    step,
    min: Math.ceil(minRedeem / step) * step,
    max: Math.floor((points?.redeem_cap ?? 0) / step) * step,
  };
}

/**
 * Where the slider lands when moved to `value` from `previous`: a whole step, within the range,
 * and over the gap below the minimum use (up to the minimum, or down to none).
 */
export function snapRedeem(value, previous, { step, min, max }) {
  let points = Math.round(value / step) * step;
  if (points > 0 && points < min) points = points > previous ? min : 0;
  return Math.min(Math.max(points, 0), max);
}

// <loyalty-price>: one product's price for this customer, the points it earns and the way to the
// next tier, for product pages and listings. Every element of a page shares one program and one
// engine per program source, so a listing of 48 products costs no more requests than one.
import { LoyaltyError } from './errors.js';
import { fill, formatters, langOf, loadMessages, messages } from '../i18n/i18n.js';
import { defineElement, h, LoyaltyErrorEvent, styleSheetOf } from './elements.js';
import { loadEngine } from './program-engine.js';

const STYLE = `
:host { display: inline-block; }
.card { padding: .4rem .6rem; }
p { margin: 0; }
.price { font-size: 1.1rem; font-variant-numeric: tabular-nums; }
del { color: var(--loyalty-muted); font-size: .9rem; margin-right: .35rem; }
`;

let sheet;

/** `{ outline, engine }` by the program's source, shared by every element of the page. */
const shared = new Map();

function sharedEngine(element) {
  const inline = element.getAttribute('program');
  const key = inline ?? `src:${element.getAttribute('program-src')}`;
  if (!shared.has(key)) {
    shared.set(key, loadEngine(element).then((loaded) => {
      if (!loaded) throw new LoyaltyError('program_unavailable', 'program-src', 'No program was given.');
      return { outline: loaded.engine.outline(), engine: loaded.engine };
    }));
  }
  return shared.get(key);
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * One product's price for the customer.
 *
 * @attr program-src, program, locale, wasm-src - as on <loyalty-checkout>
 * @attr sku, price, category - the product (price as a decimal string)
 * @prop customer - the customer's state, as an object
 * @prop attributes - the product's line attributes, as an object
 * @prop quote - the one-item quote shown (read only)
 * @fires loyalty-error - LoyaltyErrorEvent; the slotted content (the shop's own price) stays
 * @csspart base, price, earn, next
 */
export class LoyaltyPriceElement extends HTMLElement {
  static observedAttributes = ['program', 'program-src', 'locale', 'wasm-src', 'sku', 'price', 'category'];

  #customer = {};
  #attributes = null;
  #quote = null;
  #pending = false;
  #ui;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [(sheet ??= styleSheetOf(STYLE))];
    const ui = {
      card: h('div', { class: 'card', part: 'base', 'data-state': 'loading' }),
      price: h('p', { class: 'price', part: 'price' }),
      earn: h('p', { class: 'muted', part: 'earn' }),
      next: h('p', { class: 'muted', part: 'next' }),
    };
    ui.card.append(h('div', { class: 'fallback' }, h('slot')), h('div', { class: 'main' }, ui.price, ui.earn, ui.next));
    root.append(ui.card);
    this.#ui = ui;
  }

  connectedCallback() { this.#schedule(); }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected) this.#schedule();
  }

  get customer() { return this.#customer; }
  set customer(value) {
    this.#customer = value ?? {};
    this.#schedule();
  }

  /** The product's line attributes (named so as not to hide the DOM's `attributes`). */
  get lineAttributes() { return this.#attributes; }
  set lineAttributes(value) {
    this.#attributes = value;
    this.#schedule();
  }

  get quote() { return this.#quote; }

  /** Changes made together (a listing setting every element's customer) are shown once. */
  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.#show();
    });
  }

  async #show() {
    const ui = this.#ui;
    const locale = this.getAttribute('locale') ?? 'en';
    try {
      const [{ outline, engine }] = await Promise.all([sharedEngine(this), loadMessages(langOf(locale)).catch(() => {})]);
      const line = { sku: this.getAttribute('sku') ?? 'item', category: this.getAttribute('category') ?? '', unit_price: this.getAttribute('price') ?? '', quantity: 1 };
      if (this.#attributes) line.attributes = this.#attributes;
      const quote = engine.quote(this.#customer, { date: today(), lines: [line] }, locale);
      this.#quote = quote;
      const m = messages(langOf(locale));
      const f = formatters(locale, quote.currency, quote.minor_units);
      const discounted = /[1-9]/.test(quote.discount_total);
      ui.price.replaceChildren(
        ...(discounted ? [h('span', { class: 'visually-hidden' }, `${m.priceWas} `), h('del', {}, f.money(quote.subtotal)), h('span', { class: 'visually-hidden' }, ` ${m.priceNow} `)] : []),
        h('strong', {}, f.money(quote.after_discounts)));
      const earned = quote.points?.earned ?? 0;
      ui.earn.hidden = earned === 0;
      ui.earn.textContent = earned === 1 ? m.priceEarnsOne : fill(m.priceEarns, { points: f.count(String(earned)) });
      const next = quote.tier?.next;
      ui.next.hidden = !next;
      if (next) {
        const byPoints = outline.tier_rules?.qualifies_on === 'points';
        ui.next.textContent = fill(byPoints ? m.toNextPoints : m.toNext, { amount: byPoints ? f.count(next.remaining) : f.money(next.remaining), tier: next.name });
      }
      ui.card.lang = locale;
      ui.card.dataset.state = 'ready';
    } catch (error) {
      // The shop's own price, slotted, stays in view.
      this.#quote = null;
      ui.card.dataset.state = error?.code === 'wasm_unavailable' ? 'unavailable' : 'error';
      this.dispatchEvent(new LoyaltyErrorEvent(error));
    }
  }
}

export function defineLoyaltyPrice(tag = 'loyalty-price', registry = globalThis.customElements) {
  return defineElement(tag, LoyaltyPriceElement, registry);
}

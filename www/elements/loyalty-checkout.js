// <loyalty-checkout>: the compact checkout view of a loyalty program, as a custom element.
import { errorText, explainEntry, fill, formatters, langOf, loadExplanations, loadMessages, messages, wordEntry } from '../i18n/i18n.js';
import { defineElement, h, LoyaltyErrorEvent, redeemRange, snapRedeem, styleSheetOf, uniqueId } from './elements.js';
import { loadEngine } from './program-engine.js';

export { LoyaltyErrorEvent };

/** Fired with every new quote; `detail` carries the amounts to charge, as decimal strings. */
export class LoyaltyQuoteEvent extends CustomEvent {
  constructor(quote) {
    super('loyalty-quote', {
      bubbles: true,
      composed: true,
      detail: {
        currency: quote.currency,
        subtotal: quote.subtotal,
        discountTotal: quote.discount_total,
        pointsRedeemed: quote.points?.redeemed ?? 0,
        pointsValue: quote.points_value,
        payable: quote.payable,
        // Each promo code's status, for a host to show beside its own field.
        promoCodes: quote.promo_code
          ? [quote.promo_code.accepted
            ? { code: quote.promo_code.code, status: 'accepted' }
            : { code: quote.promo_code.code, status: 'refused', reason: quote.promo_code.reason }]
          : [],
        quote,
      },
    });
  }
}

const STYLE = `
:host { max-width: 32rem; }
h2 { font-size: 1.05rem; margin: 0; }
header { margin-bottom: .75rem; }
.progress { margin: .5rem 0 1rem; }
dl { display: grid; grid-template-columns: 1fr auto; gap: .3rem 1rem; margin: 0 0 .75rem; }
dt { margin: 0; } dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.promo { margin: 0 0 .75rem; font-weight: 600; }
.promo[data-status="refused"] { color: #a40e26; }
.total { font-weight: 700; font-size: 1.1rem; border-top: 1px solid var(--loyalty-border); padding-top: .35rem; }
.tax { font-size: .85rem; }
.redeem { display: grid; gap: .25rem; margin: .75rem 0; }
.redeem-row { display: flex; align-items: center; gap: .75rem; }
input[type="range"] { flex: 1; }
output { min-width: 4ch; text-align: right; font-variant-numeric: tabular-nums; }
ul { padding-left: 1.2rem; margin: .5rem 0 0; } li { margin: .2rem 0; }
`;

let sheet;

/**
 * The checkout view of a loyalty program.
 *
 * @attr program-src - URL of the compiled program (`loyalty compile`), or of the program JSON
 * @attr program - the program as inline JSON (or set the `program` property to an object or to
 *   the compiled program's bytes); a JSON program loads the program compiler too
 * @attr locale - en, ru, hy or ka, with an optional region (ka-GE)
 * @attr wasm-src - URL of loyalty_core_bg.wasm, when it is not next to loyalty-core.js
 * @prop program - the program, as an object or a compiled program's bytes
 * @prop customer - the customer's state, as an object
 * @prop cart - the cart, as an object; setting it quotes again at once. A line may carry a `name`,
 *   used in messages (a refused code names the product) and never sent to the core
 * @prop quote - the latest quote (read only)
 * @method fingerprint - the fingerprint of the quote's inputs, for the server's check at payment
 * @fires loyalty-quote - LoyaltyQuoteEvent, with the amounts to charge
 * @fires loyalty-error - LoyaltyErrorEvent, with code, path and message
 * @csspart base, tier, meter, totals, payable, promo, earn, redeem, explain-toggle, explanation, status
 * @cssproperty --loyalty-font, --loyalty-fg, --loyalty-muted, --loyalty-bg, --loyalty-border,
 *   --loyalty-accent, --loyalty-accent-fg, --loyalty-radius
 */
export class LoyaltyCheckoutElement extends HTMLElement {
  static observedAttributes = ['program', 'program-src', 'locale', 'wasm-src'];

  #program = null;
  /** What the widget reads of the program besides its names (`LoyaltyEngine.outline`). */
  #outline = null;
  #customer = {};
  #cart = null;
  #engine = null;
  /**
   * The locale the widget shows: the `locale` attribute's once that language's strings have
   * arrived, so that words, names and numbers never mix two languages while they load.
   */
  #shown = 'en';
  /** The program's names for one engine and locale: { engine, locale, names }. */
  #namesFor = null;
  #quote = null;
  #redeem = 0;
  #state = 'loading';
  #ui;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [(sheet ??= styleSheetOf(STYLE))];
    const id = uniqueId('loyalty');
    const ui = {
      card: h('section', { class: 'card', part: 'base', 'data-state': 'loading', 'aria-labelledby': `${id}-title` }),
      title: h('h2', { id: `${id}-title` }),
      tier: h('span', { class: 'badge', part: 'tier' }),
      meter: h('meter', { part: 'meter', min: '0', max: '1', value: '0', id: `${id}-meter` }),
      meterLabel: h('label', { for: `${id}-meter`, class: 'muted' }),
      next: h('p', { class: 'muted' }),
      totals: h('dl', { part: 'totals' }),
      promo: h('p', { class: 'promo', part: 'promo', hidden: '' }),
      earn: h('p', { part: 'earn' }),
      redeem: h('div', { class: 'redeem', part: 'redeem' }),
      range: h('input', { type: 'range', min: '0', max: '0', step: '1', value: '0', id: `${id}-redeem` }),
      rangeLabel: h('label', { for: `${id}-redeem` }),
      output: h('output', { for: `${id}-redeem` }),
      hint: h('p', { class: 'muted', id: `${id}-hint` }),
      pendingPoints: h('p', { class: 'muted pending-points' }),
      toggle: h('button', { type: 'button', part: 'explain-toggle', 'aria-expanded': 'false', 'aria-controls': `${id}-explain` }),
      explain: h('ul', { id: `${id}-explain`, part: 'explanation', hidden: '' }),
      tip: h('p', { class: 'muted' }),
      live: h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' }),
      status: h('p', { class: 'status', part: 'status' }),
    };
    ui.range.setAttribute('aria-describedby', `${id}-hint`);
    ui.redeem.append(ui.rangeLabel, h('div', { class: 'redeem-row' }, ui.range, ui.output), ui.hint, ui.pendingPoints);
    const main = h('div', { class: 'main' },
      h('header', {}, ui.title, ui.tier),
      h('div', { class: 'progress' }, ui.meterLabel, ui.meter, ui.next),
      ui.totals, ui.promo, ui.earn, ui.redeem, ui.toggle, ui.explain, ui.tip);
    // The light-DOM content stays visible until the widget can render, and whenever it cannot.
    ui.card.append(ui.status, h('div', { class: 'fallback' }, h('slot')), main, ui.live);
    root.append(ui.card);
    ui.range.addEventListener('input', () => {
      // Whole steps only, and over the gap below the program's minimum use.
      const value = snapRedeem(Number(ui.range.value), this.#redeem, this.#redeemRange());
      ui.range.value = String(value);
      this.#redeem = value;
      this.#requote();
    });
    ui.toggle.addEventListener('click', () => {
      const open = ui.explain.hidden;
      ui.explain.hidden = !open;
      ui.toggle.setAttribute('aria-expanded', String(open));
      ui.toggle.textContent = this.#messages()[open ? 'explainHide' : 'explainShow'];
    });
    this.#ui = ui;
  }

  connectedCallback() {
    if (langOf(this.locale) === 'en') this.#shown = this.locale;
    // The content's language, so that a screen reader reads Georgian as Georgian.
    this.#ui.card.lang = this.#shown;
    this.#setState('loading');
    this.#connected = true;
    this.#start();
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#engine?.free();
    this.#engine = null;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    // Before connectedCallback (an element in the page's HTML, upgraded when the script runs),
    // the attributes are read when it connects: the program is fetched once.
    if (oldValue === newValue || !this.#connected) return;
    if (name === 'locale') {
      // The widget changes language when that language's strings are there (#loadWords).
      this.#loadWords();
      return;
    }
    // A program given as an attribute replaces one set as a property.
    if (name === 'program' || name === 'program-src') {
      this.#program = null;
      this.#reset();
    }
    this.#start();
  }

  get locale() { return this.getAttribute('locale') ?? 'en'; }
  set locale(value) { this.setAttribute('locale', value); }

  get program() { return this.#program; }
  set program(value) {
    this.#program = value;
    this.#reset();
    if (this.isConnected) this.#start();
  }

  get customer() { return this.#customer; }
  set customer(value) {
    this.#customer = value ?? {};
    // Another customer's points are not this one's: start again from none used.
    this.#redeem = 0;
    this.#requote();
  }

  get cart() { return this.#cart; }
  set cart(value) {
    this.#cart = value;
    this.#requote();
  }

  get quote() { return this.#quote; }

  #messages() { return messages(langOf(this.#shown)); }

  /**
   * Fetches the strings of the widget's language (a small module of their own, beside this one)
   * and shows them; English stands in until they arrive, or if they cannot. The first quote waits
   * for them, not for the words of explanations, which show when they arrive.
   */
  #loadWords() {
    const lang = langOf(this.locale);
    const show = () => {
      if (langOf(this.locale) !== lang) return;
      this.#shown = this.locale;
      this.#ui.card.lang = this.#shown;
      // The program's names come out of the core in the new language too; an error's sentence
      // stays as it was said.
      if (this.#state === 'ready') this.#requote();
      else if (this.#state !== 'error') this.#ui.status.textContent = this.#messages()[this.#state];
    };
    loadExplanations(lang).catch(() => {}).then(show);
    return loadMessages(lang).catch(() => {}).then(show);
  }

  #redeemRange() { return redeemRange(this.#quote?.points, this.#outline?.points?.min_redeem ?? 0); }

  /**
   * A new program: until its engine is ready there is no quote, and nothing of the old program's
   * (its engine, its quote, the points used under it) may reach the next quote.
   */
  #reset() {
    this.#engine?.free();
    this.#engine = null;
    this.#outline = null;
    this.#quote = null;
    this.#redeem = 0;
    if (this.#state !== 'unavailable') this.#setState('loading');
  }

  async #start() {
    const generation = (this.#generation = (this.#generation ?? 0) + 1);
    try {
      // The module, the program and the page language's strings load side by side, so that the
      // first quote shows in that language.
      const [loaded] = await Promise.all([loadEngine(this, this.#program), this.#loadWords()]);
      if (generation !== this.#generation || !loaded) {
        loaded?.engine.free();
        return;
      }
      this.#engine?.free();
      this.#engine = loaded.engine;
      this.#outline = loaded.engine.outline();
      this.#program = loaded.program;
      this.#requote();
    } catch (error) {
      if (generation === this.#generation) this.#fail(error);
    }
  }

  #generation = 0;
  #rendered = false;
  #connected = false;

  /** The cart as the engine prices it: with the points chosen, without the host's line names. */
  #pricedCart() {
    // Line names are the host's words for its products (for messages), not the engine's input.
    const lines = this.#cart.lines?.map(({ name, ...line }) => line);
    const redeem = this.#outline?.points ? this.#redeem : 0;
    return { ...this.#cart, ...(lines ? { lines } : {}), redeem_points: redeem };
  }

  /**
   * Resolves to the fingerprint of the program, customer and cart the current quote was priced
   * from (64 hex digits): what the seller's server compares when the customer pays. `null`
   * without a quote.
   */
  async fingerprint() {
    return this.#engine && this.#quote ? this.#engine.fingerprint(this.#customer, this.#pricedCart()) : null;
  }

  #requote() {
    if (!this.#engine || !this.#cart) return;
    try {
      this.#quote = this.#engine.quote(this.#customer, this.#pricedCart(), this.#shown);
      this.#setState('ready');
      this.#render();
      if (!this.#rendered) {
        this.#rendered = true;
        performance.mark?.('loyalty-first-render');
      }
      this.dispatchEvent(new LoyaltyQuoteEvent(this.#quote));
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error) {
    const code = error?.code ?? 'unknown';
    // The module cannot load: the host hears it once, however often a new program retries it.
    if (code === 'wasm_unavailable' && this.#state === 'unavailable') return;
    const m = this.#messages();
    // No quote survives an error: a host reading `quote` must not charge a stale amount.
    this.#quote = null;
    this.#setState(code === 'wasm_unavailable' ? 'unavailable' : 'error');
    const lines = this.#cart?.lines ?? [];
    const text = code === 'wasm_unavailable' ? m.unavailable : errorText(error, m, formatters(this.#shown, 'USD', 2), {
      program: !this.#engine,
      item: (index) => lines[index]?.name ?? lines[index]?.sku,
    });
    this.#ui.status.textContent = text;
    this.#ui.status.classList.toggle('error', code !== 'wasm_unavailable');
    this.dispatchEvent(new LoyaltyErrorEvent(error, { quote: null, text }));
  }

  #setState(state) {
    this.#state = state;
    this.#ui.card.dataset.state = state;
    if (state === 'loading') this.#ui.status.textContent = this.#messages().loading;
  }

  #render() {
    const ui = this.#ui;
    const m = this.#messages();
    ui.title.textContent = m.title;
    ui.toggle.textContent = m[ui.explain.hidden ? 'explainShow' : 'explainHide'];
    ui.rangeLabel.textContent = m.redeemLabel;
    ui.tip.textContent = m.tip;
    ui.tip.hidden = !(this.#outline?.points?.expiry_months > 0);
    const q = this.#quote;
    const f = formatters(this.#shown, q.currency, q.minor_units);
    const names = this.#names();
    this.#renderTier(q, m, f, names);

    const rows = [[m.subtotal, f.money(q.subtotal)]];
    for (const discount of q.discounts) rows.push([discount.name || m.discount, `−${f.money(discount.amount)}`]);
    if (q.points && q.points.redeemed > 0) rows.push([m.pointsPaid, `−${f.money(q.points_value)}`]);
    // Delivery after the goods, with its own discounts.
    if (q.shipping) {
      rows.push([m.delivery, f.money(q.shipping.price)]);
      for (const discount of q.shipping.discounts) rows.push([discount.name || m.discount, `−${f.money(discount.amount)}`]);
    }
    const totals = rows.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]).flat();
    ui.totals.replaceChildren(...totals,
      h('dt', { class: 'total' }, m.payable),
      h('dd', { class: 'total', part: 'payable', 'data-payable': q.payable }, f.money(q.payable)),
      // Prices that include tax: the tax the order contains, as a receipt shows it.
      ...(q.tax ? [h('dt', { class: 'tax' }, m.taxIncluded), h('dd', { class: 'tax', part: 'tax' }, f.money(q.tax.total))] : []));

    // An accepted or refused code is said in the totals, not only in the explanation.
    const promo = q.trace.find((entry) => entry.kind === 'promo_code');
    ui.promo.hidden = !promo;
    ui.promo.textContent = promo ? wordEntry(promo, m, f, names) : '';
    ui.promo.dataset.status = promo?.applied ? 'accepted' : 'refused';

    const earn = [];
    if (q.points) {
      if (q.points.employee_earned !== undefined) {
        earn.push(fill(m.companyEarns, { points: f.count(q.points.earned) }), fill(m.employeeEarns, { points: f.count(q.points.employee_earned) }));
      } else if (q.points.earned > 0) {
        earn.push(fill(m.earn, { points: f.count(q.points.earned) }));
      }
    }
    // Points that wait out a return window before they can be spent say when.
    if (q.points?.pending && q.points.earned > 0) {
      earn.push(fill(m.pendingFrom, { points: f.count(q.points.earned), date: f.date(q.points.pending.available_from) }));
    }
    if (q.cashback && /[1-9]/.test(q.cashback.earned)) {
      earn.push(fill(m.cashback, { amount: f.money(q.cashback.earned) }));
    }
    ui.earn.textContent = earn.join(' · ');
    ui.earn.hidden = earn.length === 0;

    const points = q.points;
    const valued = this.#outline?.points?.value_per_point !== '0';
    const canRedeem = valued && points?.balance_before > 0;
    // Points still pending (a return window): the redemption entry says how many free up first,
    // and when; said beside the points to use, or alone when there are none yet.
    const pending = q.trace.find((entry) => entry.kind === 'redemption')?.params;
    const waiting = valued && Boolean(pending?.pending);
    ui.pendingPoints.hidden = !waiting;
    if (waiting) ui.pendingPoints.textContent = fill(m.redeemPending, { points: f.count(pending.pending), date: f.date(pending.pending_from) });
    ui.redeem.hidden = !canRedeem && !waiting;
    ui.hint.hidden = !canRedeem;
    // With nothing to use on this order, or less than the program's minimum use, only the hint
    // shows (saying the minimum): no slider that moves nothing.
    const range = this.#redeemRange();
    const below = range.max < range.min;
    const none = !range.max || below;
    for (const part of [ui.rangeLabel, ui.range.parentElement]) part.hidden = !canRedeem || none;
    if (canRedeem) {
      ui.range.step = String(range.step);
      ui.range.max = String(range.max);
      ui.range.value = String(Math.min(this.#redeem, range.max));
      ui.range.setAttribute('aria-valuetext', `${f.count(points.redeemed)} (${f.money(points.redeemed_value)})`);
      ui.output.textContent = f.count(points.redeemed);
      const minimum = below && m.limited ? `: ${fill(m.limited.below_minimum, { min: f.count(range.min) })}` : '';
      ui.hint.textContent = none ? m.redeemNone + minimum : fill(m.redeemHint, { balance: f.count(points.balance_before), cap: f.count(points.redeem_cap) });
    }

    const lines = q.trace.map((entry) => explainEntry(entry, m, f, names)).filter(Boolean);
    const expiry = q.points?.next_expiry;
    if (expiry) lines.push(fill(m.expiring, { points: f.count(expiry.points), date: f.date(expiry.date) }));
    ui.explain.replaceChildren(...lines.map((line) => h('li', {}, line)));
    ui.live.textContent = [ui.promo.textContent, fill(m.announce, { amount: f.money(q.payable) })].filter(Boolean).join('. ');
  }

  #renderTier(q, m, f, names) {
    const ui = this.#ui;
    const tier = q.tier;
    ui.tier.hidden = !tier;
    ui.meter.parentElement.hidden = !tier;
    if (!tier) return;
    ui.tier.textContent = tier.after ? names.get(tier.after) ?? tier.after : m.noTier;
    const next = tier.next;
    if (!next) {
      ui.meterLabel.textContent = m.topTier;
      ui.meter.max = 1;
      ui.meter.value = 1;
      ui.meter.setAttribute('aria-valuetext', m.topTier);
      ui.next.textContent = '';
      return;
    }
    const progress = fill(m.progress, { percent: f.count(next.percent), tier: next.name });
    ui.meterLabel.textContent = progress;
    // The meter shows a share, not money: its percent is exact to one decimal.
    ui.meter.max = 100;
    ui.meter.value = Number(next.percent);
    ui.meter.setAttribute('aria-valuetext', progress);
    const benefit = this.#benefit(next.tier, m, f);
    const pending = tier.pending_upgrade ? fill(m.pending, { tier: names.get(tier.pending_upgrade.tier), date: f.date(tier.pending_upgrade.effective) }) : '';
    const isMoney = this.#outline?.tier_rules?.qualifies_on !== 'points';
    const toNext = fill(isMoney ? m.toNext : m.toNextPoints, { amount: isMoney ? f.money(next.remaining) : f.count(next.remaining), tier: next.name });
    ui.next.textContent = [pending || toNext, benefit].filter(Boolean).join(': ');
  }

  #benefit(tierId, m, f) {
    const tier = this.#outline?.tiers?.find((t) => t.id === tierId);
    if (!tier) return '';
    if (tier.discount_percent && tier.discount_percent !== '0') return fill(m.percentOff, { percent: f.count(tier.discount_percent) });
    if (tier.earn_multiplier && tier.earn_multiplier !== '1') return fill(m.pointsTimes, { multiplier: f.count(tier.earn_multiplier) });
    return this.#programNames()?.tiers[tierId]?.perks[0] ?? '';
  }

  /** The program's names in the widget's locale, chosen by the core; asked once per engine and locale. */
  #programNames() {
    if (!this.#engine) return null;
    if (this.#namesFor?.engine !== this.#engine || this.#namesFor.locale !== this.#shown) {
      this.#namesFor = { engine: this.#engine, locale: this.#shown, names: this.#engine.names(this.#shown) };
    }
    return this.#namesFor.names;
  }

  #names() {
    const names = new Map();
    const program = this.#programNames();
    for (const [id, tier] of Object.entries(program?.tiers ?? {})) names.set(id, tier.name);
    for (const group of ['discounts', 'events', 'chance_rewards', 'coalition', 'categories', 'multipliers']) {
      for (const [id, name] of Object.entries(program?.[group] ?? {})) names.set(id, name);
    }
    // The host's names for its products, when its cart lines carry them.
    for (const line of this.#cart?.lines ?? []) if (line.name) names.set(line.sku, line.name);
    return names;
  }
}

/**
 * Registers the element. Loading the script twice, or under another tag, does not throw:
 * an already-registered tag is left alone (with a warning when another class holds it).
 */
export function defineLoyaltyCheckout(tag = 'loyalty-checkout', registry = globalThis.customElements) {
  return defineElement(tag, LoyaltyCheckoutElement, registry);
}

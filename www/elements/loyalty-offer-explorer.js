// <loyalty-offer-explorer>: the sales rep's screen. Edit a program's main parameters, the client's
// basket and the seller's economics, and see the margin impact and the same face value four ways.
// The host page keeps the state in its URL through the `state` property and `loyalty-state` event.
import { loadAnalytics, margin, compare, calculate, names } from './loyalty-analytics.js';
import { fill, formatters, langOf } from '../i18n/i18n.js';
import { explorerMessages, loadExplorerMessages } from '../i18n/i18n-explorer.js';
import { fitText, label, observeWidth, ticks, vgridline } from './charts.js';
import { basketTotal, belowMinimum, categoriesOf, fieldOfPath, fromUnits, offers, rangeOf, scaleOf, toUnits } from './scenarios.js';
import { defineElement, h, LoyaltyErrorEvent, styleSheetOf, svg as s, uniqueId } from './elements.js';

/** Fired whenever the rep changes something; `detail` is the whole state, for the URL. */
export class LoyaltyStateEvent extends CustomEvent {
  constructor(state) {
    super('loyalty-state', { bubbles: true, composed: true, detail: state });
  }
}

const STYLE = `
h2 { margin: 0; font-size: 1.15rem; } h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
.grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr)); }
.stack { display: grid; gap: 1rem; align-content: start; }
.field-error { color: #a40e26; font-size: .85rem; }
.line { display: grid; gap: 0 .5rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 7rem), 1fr)); margin: 0 0 .5rem; }
input[aria-invalid="true"] { border: 2px solid #a40e26; }
.stale-note { font-weight: 600; }
fieldset { border: 1px solid var(--loyalty-border); border-radius: var(--loyalty-radius); margin: 0; padding: .5rem .75rem; min-width: 0; }
legend { font-weight: 600; }
label { display: grid; gap: .2rem; font-size: .9rem; margin: .35rem 0; }
input, select, button { font: inherit; min-height: 44px; padding: .2rem .4rem; border: 1px solid #8c959f; border-radius: 6px; background: #fff; color: inherit; min-width: 0; }
input[type="range"] { padding: 0; border: 0; }
button { border-color: var(--loyalty-accent); padding: .3rem .8rem; }
output { font-weight: 600; font-variant-numeric: tabular-nums; }
dl { display: grid; grid-template-columns: 1fr auto; gap: .25rem 1rem; margin: 0; }
dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--loyalty-border); padding: .3rem; text-align: right; font-variant-numeric: tabular-nums; }
th:first-child, td:first-child { text-align: left; }
.scroll { overflow-x: auto; }
.scroll-hint { display: none; font-size: .85rem; color: var(--loyalty-muted); margin: .25rem 0; }
.scroll[data-overflowing="true"] + .scroll-hint { display: block; }
/* A shadow at the edge that hides more columns, as a second hint. */
.scroll[data-overflowing="true"] { background: linear-gradient(to left, rgba(0,0,0,.12), rgba(0,0,0,0) 16px) right / 16px 100% no-repeat local, var(--loyalty-bg); }
svg { width: 100%; height: auto; display: block; }
@media print {
  button, input[type="range"] { display: none; }
  .card { border: 0; padding: 0; }
  .grid { grid-template-columns: repeat(3, 1fr); gap: .5rem; }
  fieldset { padding: .2rem .4rem; }
  label { display: flex; justify-content: space-between; gap: .5rem; margin: 0; font-size: 8pt; }
  input, select { min-height: 0; padding: 0; border: 0; font-size: 8pt; text-align: right; }
  h3 { margin: .4rem 0 .2rem; font-size: 10pt; }
  dl, table { font-size: 8pt; }
  th, td { padding: .1rem .3rem; }
  svg { max-height: 4cm; }
  .muted { display: none; }
}
`;

let sheet;

/**
 * The editable parameters: a path into the program, and the label key with its values; tiers are
 * named from `programNames` (the core's choice for the locale), or by id before it is known.
 */
function parameters(program, programNames) {
  const list = [];
  (program.tiers ?? []).forEach((tier, i) => {
    const name = programNames?.tiers[tier.id]?.name ?? tier.id;
    list.push({ path: `tiers.${i}.threshold`, label: ['tierThreshold', { tier: name }] });
    if (tier.discount_percent !== undefined) list.push({ path: `tiers.${i}.discount_percent`, label: ['tierDiscount', { tier: name }] });
  });
  if (program.points) {
    list.push({ path: 'points.earn.points', label: ['earnPoints', {}] }, { path: 'points.earn.per_amount', label: ['earnPer', {}] },
      { path: 'points.value_per_point', label: ['pointValue', {}] }, { path: 'points.max_redeem_percent', label: ['maxRedeem', {}] });
  }
  if (program.cashback) {
    list.push({ path: 'cashback.percent', label: ['cashback', {}] });
    if (program.cashback.cap_per_month !== undefined) list.push({ path: 'cashback.cap_per_month', label: ['cashbackCap', {}] });
  }
  // Each discount's figures, by its kind of value.
  (program.discounts ?? []).forEach((rule, i) => {
    const at = `discounts.${i}.value`;
    const values = { rule: programNames?.discounts?.[rule.id] ?? rule.id };
    const value = rule.value ?? {};
    if (value.type === 'buy_get') list.push({ path: `${at}.buy`, label: ['ruleBuy', values] }, { path: `${at}.get`, label: ['ruleGet', values] });
    if (value.percent !== undefined) list.push({ path: `${at}.percent`, label: ['rulePercent', values] });
    if (value.amount !== undefined) list.push({ path: `${at}.amount`, label: ['ruleAmount', values] });
    if (value.price !== undefined) list.push({ path: `${at}.price`, label: ['rulePrice', values] });
    (value.breaks ?? []).forEach((step, j) => list.push({ path: `${at}.breaks.${j}.percent`, label: ['ruleBreak', { ...values, quantity: step.quantity }] }));
  });
  (program.points?.multipliers ?? []).forEach((multiplier, i) => {
    list.push({ path: `points.multipliers.${i}.factor`, label: ['multiplierFactor', { name: programNames?.multipliers?.[multiplier.id] ?? multiplier.id }] });
  });
  if (program.included_tax) list.push({ path: 'included_tax.percent', label: ['taxPercent', {}] });
  return list;
}

const get = (object, path) => path.split('.').reduce((node, key) => node?.[key], object);
function set(object, path, value) {
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce((node, key) => node[key], object);
  parent[keys.at(-1)] = value;
}

/** `basket: null` is the one the host gives with the program. */
const DEFAULT_STATE = { program: 'retail', edits: {}, basket: null, months: 12, margin: '30', redemption: '80', churn: '3' };

/** Digits as a JSON number; anything else as typed, for the core to refuse at its path. */
const count = (text) => (/^\d{1,9}$/.test(text) ? Number(text) : text);

/** A basket line as the core takes it: the name is the rep's, the cost the margin field's. */
const cartLine = ({ name, unit_cost, quantity, sku, ...line }, i) => ({ ...line, sku: sku || name || `line-${i + 1}`, quantity: count(quantity) });

export class LoyaltyOfferExplorerElement extends HTMLElement {
  static observedAttributes = ['locale', 'as-of', 'wasm-src'];

  #programs = [];
  #result = null;
  #fields = new Map();
  #focusLine = null;
  #chartWidth = 600;
  #chartArgs = null;
  #redraw;
  #lastEdit = null;
  #state = { ...DEFAULT_STATE };
  #ready = false;
  #ui;
  #id = uniqueId('explorer');

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [(sheet ??= styleSheetOf(STYLE))];
    const id = this.#id;
    const ui = {
      card: h('section', { class: 'card', part: 'base', 'data-state': 'loading', 'aria-labelledby': `${id}-title` }),
      title: h('h2', { id: `${id}-title` }),
      print: h('button', { type: 'button', part: 'print' }),
      programLabel: h('label', {}),
      program: h('select', {}),
      paramsLegend: h('legend', {}),
      params: h('div', {}),
      paramError: h('p', { class: 'error', role: 'alert' }),
      staleNote: h('p', { class: 'stale-note', role: 'status', hidden: '' }),
      behaviourLegend: h('legend', {}),
      lines: h('div', {}),
      addLine: h('button', { type: 'button' }),
      orders: h('div', {}),
      basketTotal: h('p', { class: 'muted', 'aria-live': 'polite' }),
      monthsLabel: h('span', {}),
      months: h('select', {}, ...[12, 24, 36].map((n) => h('option', { value: String(n) }, String(n)))),
      economicsLegend: h('legend', {}),
      economics: h('div', {}),
      impactTitle: h('h3', {}),
      impact: h('dl', { part: 'impact' }),
      note: h('p', { class: 'stale-note', part: 'note', role: 'status' }),
      compareTitle: h('h3', { id: `${id}-compare` }),
      chartDesc: h('p', { id: `${id}-chart-desc`, class: 'muted' }),
      chart: s('svg', { viewBox: '0 0 600 200', role: 'img', 'aria-labelledby': `${id}-compare`, 'aria-describedby': `${id}-chart-desc`, part: 'chart' }),
      table: h('table', { part: 'table' }),
      catalogTitle: h('h3', { id: `${id}-catalog` }),
      catalog: h('table', { part: 'catalog' }),
      status: h('p', { class: 'status' }),
    };
    ui.programLabel.append(h('span', {}), ui.program);
    const monthsLabel = h('label', {}, ui.monthsLabel, ui.months);
    const main = h('div', { class: 'main' },
      h('header', {}, ui.title, ui.print),
      h('div', { class: 'grid' },
        h('fieldset', {}, ui.paramsLegend, ui.programLabel, ui.params, ui.paramError),
        h('div', { class: 'stack' },
          h('fieldset', {}, ui.behaviourLegend, h('div', { part: 'basket' }, ui.lines, ui.addLine, ui.orders, ui.basketTotal), monthsLabel),
          h('fieldset', {}, ui.economicsLegend, ui.economics))),
      ui.staleNote,
      (ui.results = h('div', { class: 'results' },
        ui.impactTitle, ui.impact, ui.note, ui.compareTitle, ui.chartDesc, ui.chart,
        h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': `${id}-compare` }, ui.table), (ui.hint1 = h('p', { class: 'scroll-hint' })),
        ui.catalogTitle, h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': `${id}-catalog` }, ui.catalog), (ui.hint2 = h('p', { class: 'scroll-hint' })))));
    ui.card.append(ui.status, h('div', { class: 'fallback' }, h('slot')), main);
    // The chart is drawn at the width it is shown, so that its text stays 12 CSS px; a table
    // wider than its box says so.
    this.#redraw = observeWidth(ui.results, (width) => {
      this.#chartWidth = width;
      if (this.#chartArgs) this.#drawChart(...this.#chartArgs);
      this.#markOverflow();
    });
    root.append(ui.card);
    ui.print.addEventListener('click', () => window.print());
    ui.program.addEventListener('change', () => this.#change({ program: ui.program.value, edits: {}, basket: null }));
    ui.addLine.addEventListener('click', () => {
      const basket = this.#basket();
      const last = basket.lines.at(-1);
      basket.lines.push({ name: '', category: last.category, unit_price: last.unit_price, quantity: 1 });
      this.#focusLine = basket.lines.length - 1;
      this.#change({ basket });
    });
    ui.months.addEventListener('change', () => this.#change({ months: Number(ui.months.value) }));
    this.#ui = ui;
  }

  connectedCallback() {
    this.#ui.card.lang = this.locale;
    this.#start();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === 'wasm-src') {
      this.#start();
      return;
    }
    this.#ui.card.lang = this.locale;
    // Shown once the language's strings are in (English until then, or if they cannot load).
    this.#loadWords().then(() => {
      // Still loading: the notice in the new language.
      if (!this.#ready && this.#ui.card.dataset.state !== 'unavailable') this.#ui.status.textContent = this.#messages().loading;
      this.#build();
      this.#update();
    });
  }

  get programs() { return this.#programs; }
  set programs(list) { this.#programs = list ?? []; this.#build(); this.#update(); }
  get state() { return structuredClone(this.#state); }
  set state(value) { this.#state = { ...DEFAULT_STATE, ...value }; this.#build(); this.#update(); }
  get locale() { return this.getAttribute('locale') ?? 'en'; }
  set locale(value) { this.setAttribute('locale', value); }

  /** The latest results: `{ margin, comparison, catalog }` (read only). */
  get result() { return this.#result; }

  #messages() { return explorerMessages(langOf(this.locale)); }

  #loadWords() { return loadExplorerMessages(langOf(this.locale)).catch(() => {}); }

  async #start() {
    const loading = () => { this.#ui.status.textContent = this.#messages().loading; };
    loading();
    // Said again once the page's words are in; they never fail (English stands in), and the
    // module's failure waits for them, to be said in them.
    const words = this.#loadWords().then(loading);
    try {
      await Promise.all([loadAnalytics(this.getAttribute('wasm-src') ?? undefined), words]);
      this.#ready = true;
      this.#build();
      this.#update();
    } catch (error) {
      await words;
      this.#ui.card.dataset.state = 'unavailable';
      this.#ui.status.textContent = this.#messages().unavailable;
      this.dispatchEvent(new LoyaltyErrorEvent(error));
    }
  }

  #change(patch) {
    const lines = this.#basket().lines.length;
    this.#state = { ...this.#state, ...patch };
    // A new program, or a line more or less: the inputs are built again.
    if ('program' in patch || (patch.basket && patch.basket.lines.length !== lines)) this.#build();
    this.dispatchEvent(new LoyaltyStateEvent(this.state));
    this.#update();
  }

  /**
   * The program's names in the element's locale, as the core chooses them; null before the module
   * loads (the inputs are built again then) or for a program the core refuses (its error shows).
   */
  #namesOf(program) {
    if (!this.#ready || !program) return null;
    try {
      return names(program, this.locale);
    } catch {
      return null;
    }
  }

  #base() { return this.#programs.find((p) => p.id === this.#state.program) ?? this.#programs[0]; }

  /** The client's basket, a copy: the state's, else the host's, else one line of 100 to fill in. */
  #basket() {
    const base = this.#base();
    return structuredClone(this.#state.basket ?? base?.basket ?? {
      orders_per_month: 1,
      lines: [{ name: '', category: categoriesOf(base?.program ?? {})[0] ?? '', unit_price: '100', quantity: 1 }],
    });
  }

  #program(edits = this.#state.edits) {
    const base = this.#base();
    if (!base) return null;
    const program = structuredClone(base.program);
    // A count stays a JSON number when it is written as one.
    for (const [path, value] of Object.entries(edits)) {
      const was = get(program, path);
      if (was !== undefined) set(program, path, typeof was === 'number' ? count(value) : value);
    }
    return program;
  }

  /** Builds the inputs for the current program and language; values come from the state. */
  #build() {
    const ui = this.#ui;
    const m = this.#messages();
    ui.title.textContent = m.title;
    ui.print.textContent = m.print;
    ui.programLabel.firstChild.textContent = m.program;
    ui.program.replaceChildren(...this.#programs.map((p) => h('option', { value: p.id }, this.#namesOf(p.program)?.program ?? p.name ?? p.id)));
    ui.program.value = this.#base()?.id ?? '';
    ui.paramsLegend.textContent = m.parameters;
    ui.behaviourLegend.textContent = m.behaviour;
    ui.monthsLabel.textContent = m.months;
    ui.economicsLegend.textContent = m.economics;
    const program = this.#program();
    // Each field has its own place for a refusal, which its input points to while it is refused.
    this.#fields = new Map();
    const field = (key, labelText, value, onChange, inputmode = 'decimal') => {
      const input = h('input', { type: 'text', inputmode, autocomplete: 'off' });
      const error = h('span', { class: 'field-error', id: uniqueId(`${this.#id}-error`), hidden: '' });
      input.value = value;
      // A decimal comma, as Russian, Armenian and Georgian write numbers, is a decimal point here.
      input.addEventListener('change', () => onChange(input.value.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2')));
      this.#fields.set(key, { input, error });
      return h('label', {}, labelText, input, error);
    };
    // Names as given, unspoilt by a refused edit.
    const programNames = this.#namesOf(this.#base()?.program);
    ui.params.replaceChildren(...(program ? parameters(program, programNames) : []).map(({ path, label: [key, values] }) =>
      field(path, fill(m[key], values), String(get(program, path) ?? ''), (value) => {
        this.#lastEdit = path;
        this.#change({ edits: { ...this.#state.edits, [path]: value } });
      })));
    ui.economics.replaceChildren(
      field('margin', m.margin, this.#state.margin, (value) => this.#change({ margin: value })),
      field('redemption', m.redemption, this.#state.redemption, (value) => this.#change({ redemption: value })),
      field('churn', m.churn, this.#state.churn, (value) => this.#change({ churn: value })));
    if (program) this.#buildBasket(program, programNames, field, m);
    ui.months.value = String(this.#state.months);
    ui.impactTitle.textContent = m.impact;
    ui.compareTitle.textContent = m.compare;
    ui.chartDesc.textContent = m.chartDesc;
    ui.catalogTitle.textContent = m.catalog;
    ui.hint1.textContent = ui.hint2.textContent = m.scrollHint;
  }

  /** The basket's lines, each a group with the attributes the program declares; the orders a month. */
  #buildBasket(program, programNames, field, m) {
    const ui = this.#ui;
    const basket = this.#basket();
    const edit = (change) => {
      const next = this.#basket();
      change(next);
      this.#change({ basket: next });
    };
    const put = (i, key) => (value) => edit((b) => { b.lines[i][key] = value; });
    const categories = [...new Set(['', ...Object.keys(program.categories ?? {}), ...categoriesOf(program), ...basket.lines.map((l) => l.category ?? '')])];
    ui.lines.replaceChildren(...basket.lines.map((line, i) => {
      const at = `basket.${i}.`;
      const category = h('select', {}, ...categories.map((c) => h('option', { value: c }, c ? programNames?.categories[c] ?? c : m.noCategory)));
      category.value = line.category ?? '';
      category.addEventListener('change', () => put(i, 'category')(category.value));
      const remove = h('button', { type: 'button' }, fill(m.removeLine, { n: i + 1 }));
      remove.disabled = basket.lines.length < 2;
      remove.addEventListener('click', () => edit((b) => b.lines.splice(i, 1)));
      return h('fieldset', { class: 'line' }, h('legend', {}, fill(m.line, { n: i + 1 })),
        field(`${at}sku`, m.item, line.name || line.sku || '', put(i, 'name'), 'text'),
        field(`${at}unit_price`, m.unitPrice, line.unit_price, put(i, 'unit_price')),
        field(`${at}quantity`, m.quantity, String(line.quantity), put(i, 'quantity'), 'numeric'),
        h('label', {}, m.category, category),
        ...Object.keys(program.attributes ?? {}).map((name) => field(`${at}${name}`, name.replace(/_/g, ' '), line.attributes?.[name] ?? '',
          (value) => edit((b) => { b.lines[i].attributes = { ...b.lines[i].attributes, [name]: value }; }), 'text')),
        remove);
    }));
    ui.addLine.textContent = m.addLine;
    ui.orders.replaceChildren(field('orders', m.orders, String(basket.orders_per_month ?? 1), (value) => edit((b) => { b.orders_per_month = value; }), 'numeric'));
    if (this.#focusLine !== null) {
      this.#fields.get(`basket.${this.#focusLine}.sku`)?.input.focus();
      this.#focusLine = null;
    }
  }

  #update() {
    const program = this.#program();
    if (!this.#ready || !program) return;
    const ui = this.#ui;
    const m = this.#messages();
    const state = this.#state;
    const today = this.getAttribute('as-of') ?? new Date().toISOString().slice(0, 10);
    const customer = { first_purchase_made: true, member_until: '2099-12-31' };
    const basket = this.#basket();
    ui.basketTotal.textContent = '';
    const economics = { gross_margin_percent: state.margin, redemption_rate_percent: state.redemption, monthly_churn_percent: state.churn };
    this.#clearFieldErrors();
    try {
      // Each order priced as a quote of the basket.
      const orders = basket.orders_per_month;
      const plan = { basket: { lines: basket.lines.map(cartLine), orders_per_month: count(orders) } };
      // Customers redeem the expected share of what they could: it moves the cost, not only the liability.
      const redeem = { share: state.redemption };
      const impact = margin({ projection: { program, customer, start: today, months: state.months, plan, redeem }, economics });
      const units = scaleOf(impact.totals.revenue);
      const f = formatters(this.locale, program.currency, units);
      const order = basketTotal(basket.lines, units);
      const monthly = basketTotal(basket.lines, units, plan.basket.orders_per_month);
      ui.basketTotal.textContent = fill(m.basketTotal, { amount: f.money(order), orders: f.count(String(orders)), total: f.money(monthly) });
      const variants = offers(program, m, monthly, units);
      const comparison = compare({ customer, start: today, months: state.months, plan, redeem, economics, variants });
      const catalog = program.catalog?.length && program.points?.earn?.points !== '0' ? calculate({ catalog_return: { program } }) : null;
      this.#result = { margin: impact, comparison, catalog };
      ui.paramError.textContent = '';
      ui.card.dataset.state = 'ready';
      this.#showResults(true);
      this.#render(program, f, m);
      // A negative cost: fees counted as income.
      const t = impact.totals;
      const scale = scaleOf(t.membership_fees);
      const given = fromUnits(toUnits(t.program_cost, scale) + toUnits(t.membership_fees, scale), scale);
      ui.note.textContent = /^-/.test(t.program_cost) ? fill(m.feeIncome, { fees: f.money(t.membership_fees), given: f.money(given) }) : '';
      // A point value at which the usual order cannot reach the minimum redemption.
      const below = program.points && belowMinimum(program, order);
      if (below) {
        const value = formatters(this.locale, program.currency, scaleOf(program.points.value_per_point)).money(program.points.value_per_point);
        ui.note.textContent += fill(m.belowMinimum, { value, order: f.money(order), most: f.count(below.most), min: f.count(below.min) });
      }
      ui.note.hidden = !ui.note.textContent;
      // An edit that changes none of these figures says so at its field.
      const edited = this.#lastEdit;
      const slot = this.#fields.get(edited);
      if (slot && edited in state.edits && String(get(this.#base().program, edited)) !== state.edits[edited]) {
        const edits = { ...state.edits };
        delete edits[edited];
        const before = margin({ projection: { program: this.#program(edits), customer, start: today, months: state.months, plan, redeem }, economics });
        if (JSON.stringify(before.totals) === JSON.stringify(impact.totals)) {
          slot.error.textContent = m.noEffect;
          slot.error.hidden = false;
          slot.input.setAttribute('aria-describedby', slot.error.id);
        }
      }
    } catch (error) {
      // The figures of the last valid inputs are not shown as if they held for these.
      this.#result = null;
      ui.card.dataset.state = 'ready';
      this.#showResults(false);
      const key = error.field ?? fieldOfPath(error.path);
      const slot = this.#fields.get(key);
      const kind = error.code === 'out_of_range' ? rangeOf(key, slot?.input.value.trim() ?? '') : error.code === 'invalid_value' ? 'wrong_type' : error.code;
      // "12,50" where the locale writes a comma.
      const example = `12${formatters(this.locale, 'USD', 2).count('0.5').replace(/\d/g, '')}50`;
      const text = fill(m.fieldError[kind] ?? m.fieldError.other, { total: error.total ?? '', example });
      if (slot) {
        slot.input.setAttribute('aria-invalid', 'true');
        slot.input.setAttribute('aria-describedby', slot.error.id);
        slot.error.textContent = text;
        slot.error.hidden = false;
        ui.paramError.textContent = '';
      } else {
        ui.paramError.textContent = fill(m.invalid, { code: error.code ?? 'unknown', path: error.path ?? '', message: error.message });
      }
      this.dispatchEvent(new LoyaltyErrorEvent(error));
    }
  }

  #clearFieldErrors() {
    for (const { input, error } of this.#fields.values()) {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
      error.hidden = true;
      error.textContent = '';
    }
  }

  #showResults(valid) {
    this.#ui.results.hidden = !valid;
    this.#ui.staleNote.hidden = valid;
    this.#ui.staleNote.textContent = valid ? '' : this.#messages().stale;
  }

  #render(program, f, m) {
    const ui = this.#ui;
    const { margin: impact, comparison, catalog } = this.#result;
    const t = impact.totals;
    const percent = (value) => (value === undefined ? m.notApplicable : `${f.count(value)}%`);
    const rows = [[m.revenue, f.money(t.revenue)], [m.profitWithout, f.money(t.gross_profit_without)], [m.cost, f.money(t.program_cost)],
      [m.profitWith, f.money(t.gross_profit_with)], [m.share, percent(t.give_away_share)], [m.uplift, percent(t.break_even_uplift)], [m.liability, f.money(t.points_liability)]];
    if (impact.retention) {
      rows.push([m.lifetime, f.count(impact.retention.expected_lifetime_months)], [m.lifetimeProfit, f.money(impact.retention.lifetime_profit_without_program)]);
    }
    ui.impact.replaceChildren(...rows.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));

    const head = [m.variant, m.revenue, m.benefit, m.cost, m.profitWith, m.share, m.liability];
    ui.table.replaceChildren(h('thead', {}, h('tr', {}, ...head.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, ...comparison.map((row) => h('tr', {}, h('th', { scope: 'row' }, row.variant), h('td', {}, f.money(row.revenue)),
        h('td', {}, f.money(row.customer_benefit)), h('td', {}, f.money(row.program_cost)), h('td', {}, f.money(row.gross_profit_with)),
        h('td', { 'data-share': row.give_away_share ?? '' }, percent(row.give_away_share)), h('td', {}, f.money(row.points_liability))))));

    this.#chartArgs = [comparison, percent, m];
    this.#drawChart(...this.#chartArgs);
    this.#redraw();
    this.#markOverflow();

    ui.catalogTitle.hidden = !catalog;
    ui.catalog.hidden = !catalog;
    if (catalog) {
      ui.catalog.replaceChildren(h('thead', {}, h('tr', {}, ...[m.reward, m.spendNeeded, m.effectiveReturn].map((text) => h('th', { scope: 'col' }, text)))),
        h('tbody', {}, ...program.catalog.map((reward) => h('tr', {}, h('th', { scope: 'row' }, this.#namesOf(program)?.catalog[reward.id] ?? reward.id),
          h('td', {}, f.money(catalog[`${reward.id}.spend_needed`])), h('td', {}, percent(catalog[`${reward.id}.effective_return_percent`]))))));
    }
  }

  /** Bars of the share given away, each under its offer's name, on light gridlines in %; a negative share left of zero. */
  #drawChart(comparison, percent, m) {
    const width = this.#chartWidth;
    // The bar lengths are drawing, not money: a share's digits scaled to pixels.
    const shares = comparison.map((row) => Number(row.give_away_share ?? 0));
    const [least, most] = [Math.min(0, ...shares), Math.max(1, ...shares)];
    const step = ticks(most - least)[1];
    const low = Math.floor(least / step) * step;
    const high = Math.ceil(most / step) * step;
    // Room for labels at both ends: left of zero, as wide as the longest negative share's label
    // (about 7 px a character at this size).
    const left = 8 + 7 * Math.max(0, ...comparison.filter((_, i) => shares[i] < 0).map((row) => percent(row.give_away_share).length));
    const plot = Math.max(100, width - left - 56);
    const x = (value) => left + ((value - low) / (high - low)) * plot;
    const rows = comparison.length * 40;
    const nodes = [];
    // Gridlines ≥ 44 px apart.
    for (let v = low, last = -99; v < high + step / 2; v += step) if (x(v) - last > 44) nodes.push(...vgridline((last = x(v)), 4, rows + 4, `${Number(v.toPrecision(12))}%`));
    comparison.forEach((row, i) => {
      const y = 4 + i * 40;
      const [from, to] = [x(Math.min(0, shares[i])), x(Math.max(0, shares[i]))];
      nodes.push(label(8, y + 14, row.variant, { class: 'fit' }));
      nodes.push(s('rect', { x: from, y: y + 20, width: Math.max(1, to - from), height: 14, fill: '#1f2328' }));
      nodes.push(shares[i] < 0 ? label(from - 4, y + 32, percent(row.give_away_share), { 'text-anchor': 'end' }) : label(to + 4, y + 32, percent(row.give_away_share)));
    });
    nodes.push(label(8, rows + 40, `${m.share}, %`, { 'font-weight': 600, class: 'fit' }));
    this.#ui.chart.setAttribute('viewBox', `0 0 ${width} ${rows + 48}`);
    this.#ui.chart.replaceChildren(...nodes);
    // Names and the axis title shortened to the chart as drawn; whole in a tooltip and the table.
    for (const text of this.#ui.chart.querySelectorAll('text.fit')) fitText(text, width - 16);
  }

  /** Marks each scrolling table that is wider than its box, which shows a hint to scroll. */
  #markOverflow() {
    for (const box of this.#ui.results.querySelectorAll('.scroll')) {
      box.dataset.overflowing = String(box.scrollWidth > box.clientWidth + 1);
    }
  }
}

export function defineLoyaltyOfferExplorer(tag = 'loyalty-offer-explorer', registry = globalThis.customElements) {
  return defineElement(tag, LoyaltyOfferExplorerElement, registry);
}

defineLoyaltyOfferExplorer();

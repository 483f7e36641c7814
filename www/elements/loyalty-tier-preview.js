// <loyalty-tier-preview>: the customer's view of a program — the tier ladder, what it takes to go
// up or to stay, a what-if slider (how many times a month the customer places their usual order),
// and the next months' points as a chart with a table alternative. It loads its own module (loyalty_tier_bg.wasm), which the checkout never downloads.
import { loadTier, names, preview, summarize } from './loyalty-tier.js';
import { errorText, fill, formatters, langOf, loadMessages, messages } from '../i18n/i18n.js';
import { loadPreviewMessages, previewMessages } from '../i18n/i18n-preview.js';
import { basketTotal, scaleOf, shareOf, totalOf } from './scenarios.js';
import { fitText, gridline, label, monthLabels, monthName, observeWidth, ticks } from './charts.js';
import { defineElement, h, LoyaltyErrorEvent, programFromAttributes, styleSheetOf, svg as s, uniqueId } from './elements.js';

/** Fired with each new preview; `detail` is the core's preview (amounts as decimal strings). */
export class LoyaltyPreviewEvent extends CustomEvent {
  constructor(result) {
    super('loyalty-preview', { bubbles: true, composed: true, detail: result });
  }
}

const STYLE = `
:host { max-width: 48rem; }
h2 { font-size: 1.1rem; margin: 0; } h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
ol.ladder { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: .75rem 0; }
ol.ladder li { border: 1px solid var(--loyalty-border); border-radius: var(--loyalty-radius); padding: .3rem .6rem; font-size: .9rem; }
ol.ladder li[aria-current] { border: 2px solid var(--loyalty-accent); font-weight: 600; }
.whatif { display: grid; gap: .25rem; margin: 1rem 0; }
.row { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; }
input[type="range"] { flex: 1 1 10rem; }
output { min-width: 8ch; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
svg { width: 100%; height: auto; display: block; }
figure { margin: .5rem 0; } figcaption { font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin-top: .5rem; }
th, td { border-bottom: 1px solid var(--loyalty-border); padding: .25rem; text-align: right; font-variant-numeric: tabular-nums; }
th:first-child, td:first-child { text-align: left; }
.accounts { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); }
.accounts section { border: 1px solid var(--loyalty-border); border-radius: var(--loyalty-radius); padding: .5rem .75rem; }
.accounts h3 { margin: 0 0 .25rem; }
`;

let sheet;

/**
 * @attr program-src - URL of the program JSON (or set the `program` property)
 * @attr locale - en, ru, hy or ka
 * @attr as-of - today's date, YYYY-MM-DD (default: today)
 * @attr monthly-spend - without a `basket`, the usual order's amount, a decimal string
 * @attr months - how many months to project (default 12)
 * @prop program, customer - objects
 * @prop basket - the customer's usual order, `{ lines, orders_per_month }` (cart lines; a `name`
 *   beside a line is the host's own): the what-if then moves how many times a month it is placed
 * @prop preview - the latest preview (read only)
 * @fires loyalty-preview, loyalty-error
 * @csspart base, tier, ladder, meter, reach, keep, what-if, chart, table, expiry, summary
 */
export class LoyaltyTierPreviewElement extends HTMLElement {
  static observedAttributes = ['program-src', 'locale', 'as-of', 'monthly-spend', 'months', 'wasm-src'];

  #program = null;
  #customer = {};
  #basket = null;
  #orders = null;
  #connected = false;
  #result = null;
  #chartWidth = 600;
  #chartArgs = null;
  #redraw;
  #ready = false;
  #ui;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [(sheet ??= styleSheetOf(STYLE))];
    const id = uniqueId('tier-preview');
    const ui = {
      card: h('section', { class: 'card', part: 'base', 'data-state': 'loading', 'aria-labelledby': `${id}-title` }),
      title: h('h2', { id: `${id}-title` }),
      badge: h('span', { class: 'badge', part: 'tier' }),
      ladder: h('ol', { class: 'ladder', part: 'ladder' }),
      meterLabel: h('label', { for: `${id}-meter`, class: 'muted' }),
      meter: h('meter', { id: `${id}-meter`, part: 'meter', min: '0', max: '100', value: '0' }),
      reach: h('p', { part: 'reach' }),
      keep: h('p', { part: 'keep' }),
      rangeLabel: h('label', { for: `${id}-range` }),
      range: h('input', { id: `${id}-range`, type: 'range', min: '0', max: '1000', step: '10', value: '0', part: 'what-if' }),
      output: h('output', { for: `${id}-range` }),
      totals: h('p', { class: 'muted' }),
      accounts: h('div', { class: 'accounts', part: 'accounts' }),
      chartTitle: h('figcaption', { id: `${id}-chart-title` }),
      chartDesc: h('p', { id: `${id}-chart-desc`, class: 'muted' }),
      figure: h('figure', {}),
      chart: s('svg', { viewBox: '0 0 600 250', role: 'img', 'aria-labelledby': `${id}-chart-title`, 'aria-describedby': `${id}-chart-desc`, part: 'chart' }),
      toggle: h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': `${id}-table` }),
      table: h('table', { id: `${id}-table`, part: 'table', hidden: '' }),
      expiryTitle: h('h3', {}),
      expiry: h('ul', { part: 'expiry' }),
      campaignsTitle: h('h3', {}),
      campaigns: h('ul', { part: 'campaigns' }),
      summaryTitle: h('h3', {}),
      summary: h('p', { part: 'summary' }),
      live: h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' }),
      status: h('p', { class: 'status' }),
    };
    const main = h('div', { class: 'main' },
      h('header', {}, ui.title, ui.badge),
      h('nav', { 'aria-labelledby': `${id}-ladder` }, h('span', { id: `${id}-ladder`, class: 'visually-hidden' }), ui.ladder),
      ui.meterLabel, ui.meter, ui.reach, ui.keep,
      h('div', { class: 'whatif' }, ui.rangeLabel, h('div', { class: 'row' }, ui.range, ui.output), ui.totals),
      ui.accounts,
      ui.figure, ui.toggle, ui.table,
      ui.expiryTitle, ui.expiry, ui.campaignsTitle, ui.campaigns, ui.summaryTitle, ui.summary);
    ui.figure.append(ui.chartTitle, ui.chartDesc, ui.chart);
    ui.ladderName = main.querySelector(`#${id}-ladder`);
    // The chart is drawn at the width it is shown, so that its text stays 12 CSS px.
    this.#redraw = observeWidth(ui.figure, (width) => {
      this.#chartWidth = width;
      if (this.#chartArgs) this.#drawChart(...this.#chartArgs);
    });
    ui.card.append(ui.status, h('div', { class: 'fallback' }, h('slot')), main, ui.live);
    root.append(ui.card);
    ui.range.addEventListener('input', () => {
      this.#orders = ui.range.value;
      this.#update();
    });
    ui.toggle.addEventListener('click', () => {
      ui.table.hidden = !ui.table.hidden;
      ui.toggle.setAttribute('aria-expanded', String(!ui.table.hidden));
      this.#render();
    });
    this.#ui = ui;
  }

  connectedCallback() {
    this.#ui.card.lang = this.locale;
    this.#connected = true;
    this.#start();
  }

  disconnectedCallback() { this.#connected = false; }

  attributeChangedCallback(name, oldValue, newValue) {
    // Before connectedCallback (an element in the page's HTML, upgraded when the script runs),
    // the attributes are read when it connects: the program is fetched once.
    if (oldValue === newValue || !this.#connected) return;
    if (name === 'locale') {
      this.#ui.card.lang = this.locale;
      // Shown once the language's strings are in (English until then, or if they cannot load).
      this.#loadWords().then(() => this.#update());
    } else if (name === 'wasm-src') {
      this.#start();
    } else if (name === 'program-src') {
      this.#program = null;
      this.#start();
    } else {
      if (name === 'monthly-spend') this.#orders = null;
      this.#update();
    }
  }

  get program() { return this.#program; }
  set program(value) {
    this.#program = value;
    if (this.isConnected) this.#start();
  }
  get customer() { return this.#customer; }
  set customer(value) { this.#customer = value ?? {}; this.#update(); }
  get basket() { return this.#basket; }
  set basket(value) {
    this.#basket = value?.lines?.length ? value : null;
    this.#orders = null;
    this.#update();
  }
  get preview() { return this.#result; }
  get locale() { return this.getAttribute('locale') ?? 'en'; }
  set locale(value) { this.setAttribute('locale', value); }

  #messages() { return previewMessages(langOf(this.locale)); }

  /** The page language's strings: the preview's own, and the checkout's for refusals. */
  #loadWords() {
    const lang = langOf(this.locale);
    return Promise.all([loadPreviewMessages(lang), loadMessages(lang)]).catch(() => {});
  }

  async #start() {
    // Once the module is known to be unavailable, a new program does not flash "Loading" again.
    const loading = () => {
      if (this.#ui.card.dataset.state !== 'unavailable') this.#ui.status.textContent = this.#messages().loading;
    };
    loading();
    // Said again once the page's words are in, before anything else is: they never fail (English
    // stands in), and a refusal waits for them, to be said in them.
    const words = this.#loadWords().then(loading);
    try {
      // The module, the program and the words load side by side: on a phone each is a round trip.
      const [, program] = await Promise.all([
        loadTier(this.getAttribute('wasm-src') ?? undefined),
        this.#program ?? programFromAttributes(this),
        words,
      ]);
      this.#program ??= program;
      if (!this.#program) return;
      this.#ready = true;
      this.#update();
    } catch (error) {
      await words;
      this.#fail(error);
    }
  }

  /** The customer's usual order: the host's basket, else one line of the monthly-spend attribute. */
  #usual() {
    return this.#basket ?? { orders_per_month: 1, lines: [{ sku: 'spend', unit_price: this.getAttribute('monthly-spend') ?? '0', quantity: 1 }] };
  }

  /** Orders a month of the basket: the slider's, else the basket's own (1 to 28, as a plan takes). */
  #ordersPerMonth() {
    return Number(this.#orders ?? this.#usual().orders_per_month ?? 1);
  }

  #update() {
    if (!this.#ready || !this.#program) return;
    const basket = this.#usual();
    try {
      this.#result = preview({
        program: this.#program,
        customer: this.#customer,
        as_of: this.getAttribute('as-of') ?? new Date().toISOString().slice(0, 10),
        months: Number.parseInt(this.getAttribute('months') ?? '12', 10),
        // Priced line by line as a quote prices it: per-unit and attribute rules count.
        basket: { lines: basket.lines.map(({ name, ...line }) => line), orders_per_month: this.#ordersPerMonth() },
      });
      this.#ui.card.dataset.state = 'ready';
      this.#render();
      this.dispatchEvent(new LoyaltyPreviewEvent(this.#result));
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error) {
    const m = this.#messages();
    const code = error?.code ?? 'unknown';
    const unavailable = code === 'wasm_unavailable';
    // The module cannot load: the host hears it once, however often a new program retries it.
    if (unavailable && this.#ui.card.dataset.state === 'unavailable') {
      this.#ui.status.textContent = m.unavailable;
      return;
    }
    this.#result = null;
    this.#ui.card.dataset.state = unavailable ? 'unavailable' : 'error';
    // A sentence in the customer's language; the event keeps the code for the host.
    this.#ui.status.textContent = unavailable ? m.unavailable
      : errorText(error, { ...messages(langOf(this.locale)), failed: m.failed }, formatters(this.locale, 'USD', 2), { program: /^program\b/.test(error?.path ?? '') });
    this.dispatchEvent(new LoyaltyErrorEvent(error));
  }

  #render() {
    const ui = this.#ui;
    const r = this.#result;
    if (!r) return;
    const m = this.#messages();
    const program = this.#program;
    const f = formatters(this.locale, program.currency, r.projection.months[0] ? scaleOf(r.projection.months[0].spend) : 2);
    // The program's names in this locale, as the core chooses them (validated with the preview).
    const programNames = names(program, this.locale);
    const tierName = (id) => programNames.tiers[id]?.name ?? id;
    ui.title.textContent = m.title;
    // A program without tiers has no ladder to show, and one without points no points to chart.
    const tiered = (program.tiers ?? []).length > 0;
    const earnsPoints = Boolean(program.points);
    for (const node of [ui.ladder.parentElement, ui.meterLabel, ui.meter, ui.reach]) node.hidden = !tiered;
    for (const node of [ui.figure, ui.toggle, ui.expiryTitle, ui.expiry]) node.hidden = !earnsPoints;
    if (!earnsPoints) ui.table.hidden = true;
    ui.badge.textContent = r.tier ? tierName(r.tier) : tiered ? m.noTier : m.noTiers;
    ui.ladderName.textContent = m.ladder;
    const isMoney = program.tier_rules?.qualifies_on !== 'points';
    const amount = (value) => (isMoney ? f.money(value) : f.count(value));
    ui.ladder.replaceChildren(...(program.tiers ?? []).map((tier) => {
      // What a threshold counts, in words: spend in the currency, or points (one or many).
      const from = isMoney ? m.from : m.fromPoints[new Intl.PluralRules(this.locale).select(Number(tier.threshold)) === 'one' ? 0 : 1];
      const item = h('li', {}, `${tierName(tier.id)} · ${fill(from, { amount: amount(tier.threshold) })}`);
      if (tier.id === r.tier) {
        item.setAttribute('aria-current', 'step');
        item.append(h('span', { class: 'visually-hidden' }, ` (${m.current})`));
      }
      return item;
    }));

    const next = r.reach;
    if (next) {
      const threshold = program.tiers.find((t) => t.id === next.tier).threshold;
      const percent = shareOf(r.qualifying, threshold);
      ui.meterLabel.textContent = fill(m.progress, { percent: f.count(percent), tier: tierName(next.tier) });
      ui.meter.value = Number(percent);
      ui.meter.setAttribute('aria-valuetext', ui.meterLabel.textContent);
      // A tier that counts points says points, not spend.
      const words = isMoney ? [m.reach, m.reachNoDate] : [m.reachPoints, m.reachPointsNoDate];
      ui.reach.textContent = fill(next.by ? words[0] : words[1], { amount: amount(next.remaining), date: next.by ? f.date(next.by) : '', tier: tierName(next.tier) });
    } else {
      ui.meterLabel.textContent = m.topTier;
      ui.meter.value = 100;
      ui.meter.setAttribute('aria-valuetext', m.topTier);
      ui.reach.textContent = '';
    }
    const keep = r.keep;
    // The first month ahead whose tier is below today's: the page never calls a tier safe then.
    const rank = (id) => program.tiers.findIndex((t) => t.id === id);
    const fall = r.projection.months.find((mo) => mo.tier && rank(mo.tier) < rank(r.tier));
    ui.keep.hidden = !keep && !fall;
    if (keep && /[1-9]/.test(keep.remaining)) {
      const values = { amount: amount(keep.remaining), date: f.date(keep.by), tier: tierName(keep.tier), review: f.date(keep.effective) };
      ui.keep.textContent = fill(isMoney ? m.keep : m.keepPoints, values);
    } else if (fall) {
      ui.keep.textContent = fill(m.falls, { tier: tierName(r.tier), lower: tierName(fall.tier), month: monthName(fall.month, this.locale, m.monthNames) });
    } else if (keep) {
      ui.keep.textContent = fill(m.kept, { tier: tierName(keep.tier), review: f.date(keep.effective) });
    }

    this.#renderWhatIf(f, m);
    const totals = r.projection.totals;
    ui.totals.textContent = fill(m.totals, { months: r.projection.months.length, points: f.count(totals.points_earned), benefit: f.money(totals.benefit), return: f.count(totals.effective_return ?? '0') });

    this.#renderAccounts(r.projection, m, f);
    ui.chartTitle.textContent = fill(m.chartTitle, { months: r.projection.months.length });
    ui.chartDesc.textContent = m.chartDesc;
    this.#chartArgs = [r.projection, f, tierName, m];
    this.#drawChart(...this.#chartArgs);
    this.#redraw();
    ui.toggle.textContent = ui.table.hidden ? m.showTable : m.hideTable;
    this.#fillTable(r.projection, m, f, tierName);

    ui.expiryTitle.textContent = m.expiryTitle;
    // Points that expire within the months shown (as the chart's hatched bars and the table say),
    // then those still held at the end, by date.
    const within = r.projection.months.filter((mo) => mo.points_expired > 0)
      .map((mo) => fill(m.expiryMonthLine, { points: f.count(mo.points_expired), month: monthName(mo.month, this.locale, m.monthNames) }));
    const after = r.projection.expiry_schedule.map((e) => fill(m.expiryLine, { points: f.count(e.points), date: f.date(e.date) }));
    const expiring = [...within, ...after];
    ui.expiry.replaceChildren(...(expiring.length ? expiring : [m.noExpiry]).map((text) => h('li', {}, text)));
    this.#renderCampaigns(r.campaigns ?? [], programNames, m, f);
    ui.summaryTitle.textContent = m.summaryTitle;
    ui.summary.textContent = summarize(program, langOf(this.locale));
    ui.live.textContent = ui.totals.textContent;
  }

  /**
   * The what-if: how many times a month the usual order is placed, from 1 to twice the usual (at
   * least 8, at most the 28 a plan takes); its figure says the orders and what they cost.
   */
  #renderWhatIf(f, m) {
    const ui = this.#ui;
    const basket = this.#usual();
    const orders = String(this.#ordersPerMonth());
    const digits = scaleOf(this.#result.projection.months[0]?.spend ?? '0.00');
    ui.rangeLabel.textContent = fill(m.whatIfBasket, { amount: f.money(basketTotal(basket.lines, digits)) });
    ui.output.textContent = fill(m.ordersFigure, { orders: f.count(orders), total: f.money(basketTotal(basket.lines, digits, orders)) });
    ui.range.min = '1';
    ui.range.max = String(Math.min(28, Math.max(8, 2 * (basket.orders_per_month ?? 1))));
    ui.range.step = '1';
    ui.range.value = orders;
    ui.range.setAttribute('aria-valuetext', ui.output.textContent);
  }

  /** Campaigns that hold on some day of the months shown: what each gives, and when. */
  #renderCampaigns(campaigns, programNames, m, f) {
    const ui = this.#ui;
    ui.campaignsTitle.hidden = ui.campaigns.hidden = campaigns.length === 0;
    ui.campaignsTitle.textContent = m.campaignsTitle;
    const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    ui.campaigns.replaceChildren(...campaigns.map((c) => {
      const name = (c.kind === 'multiplier' ? programNames.multipliers : programNames.discounts)?.[c.id] ?? c.id;
      const head = c.multiplier ? fill(m.campaignPoints, { name, multiplier: f.count(c.multiplier) })
        : c.percent ? fill(m.campaignPercent, { name, percent: f.count(c.percent) }) : name;
      const when = [];
      if (c.from && c.until) when.push(fill(m.campaignDates, { from: f.date(c.from), until: f.date(c.until) }));
      else if (c.from) when.push(fill(m.campaignFrom, { from: f.date(c.from) }));
      else if (c.until) when.push(fill(m.campaignUntil, { until: f.date(c.until) }));
      if (c.days?.length) when.push(c.days.map((day) => m.weekdays[WEEK.indexOf(day)]).join(', '));
      if (c.birthday_window_days !== undefined) when.push(fill(m.campaignBirthday, { days: f.count(String(c.birthday_window_days)) }));
      return h('li', {}, when.length ? `${head} (${when.join('; ')})` : head);
    }));
  }

  /** On a B2B program, the company's and the employee's accounts side by side. */
  #renderAccounts(projection, m, f) {
    const last = projection.months.at(-1);
    const b2b = last?.employee_points_balance !== undefined;
    this.#ui.accounts.hidden = !b2b;
    if (!b2b) return;
    const earned = (key) => totalOf(projection.months, key);
    const account = (title, points, balance) => h('section', {}, h('h3', {}, title),
      h('p', {}, fill(m.accountEarned, { points: f.count(points), months: projection.months.length })),
      h('p', {}, fill(m.accountBalance, { points: f.count(balance) })));
    this.#ui.accounts.replaceChildren(
      account(m.companyBalance, earned('points_earned'), last.points_balance),
      account(m.employeeBalance, earned('employee_points_earned'), last.employee_points_balance));
  }

  #drawChart(projection, f, tierName, m) {
    const months = projection.months;
    const width = this.#chartWidth;
    const grid = ticks(Math.max(1, ...months.map((mo) => mo.points_balance + mo.points_expired)));
    // Room for the longest axis label (about 7 px a character at the chart's 12 px), so that
    // "300 000" is not cut at the left edge.
    const left = Math.max(52, 12 + 7 * Math.max(...grid.map((value) => f.count(value).length)));
    const right = 8;
    const top = 30;
    const base = top + 160;
    const height = base + 56;
    const most = grid.at(-1);
    const y = (value) => base - (value / most) * 160;
    const per = (width - left - right) / Math.max(1, months.length);
    const pattern = s('pattern', { id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, s('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#1f2328', 'stroke-width': 2 }));
    const nodes = [s('defs', {}, pattern), label(0, 14, m.chartAxis, { 'font-weight': 600 })];
    for (const value of grid) nodes.push(...gridline(left, width - right, y(value), f.count(value)));
    nodes.push(s('line', { x1: left, y1: base, x2: width - right, y2: base, stroke: '#1f2328' }));
    // Month names where they fit (at least 40 px each), and the year wherever it changes.
    const labels = monthLabels(months.map((mo) => mo.month), this.locale, m.monthNames);
    // The widest name at about 8 px a character (Georgian's letters are wide), and a gap.
    const every = Math.ceil((8 * Math.max(...labels.map((l) => l.name.length)) + 8) / per);
    // A year under the first named month of it: the first month's, and where it changes (under
    // the first month named after the change when January itself has no room for its name).
    const yearAt = new Map();
    labels.forEach((l, i) => {
      const named = Math.ceil(i / every) * every;
      if (l.year && named < labels.length && !yearAt.has(named)) yearAt.set(named, months[named].month.slice(0, 4));
    });
    let lastTier;
    const tierLabels = [];
    months.forEach((mo, i) => {
      const x = left + i * per + per * 0.15;
      const w = per * 0.7;
      nodes.push(s('rect', { x, y: y(mo.points_balance), width: w, height: base - y(mo.points_balance), fill: '#57606a' }));
      if (mo.points_expired > 0) {
        nodes.push(s('rect', { x, y: y(mo.points_balance + mo.points_expired), width: w, height: base - y(mo.points_expired), fill: 'url(#hatch)', stroke: '#1f2328' }));
      }
      if (i % every === 0) nodes.push(label(x + w / 2, base + 16, labels[i].name, { 'text-anchor': 'middle' }));
      if (yearAt.has(i)) nodes.push(label(x + w / 2, base + 32, yearAt.get(i), { 'text-anchor': 'middle' }));
      if (mo.tier !== lastTier && mo.tier) {
        tierLabels.push(label(x, base + 50, tierName(mo.tier)));
        lastTier = mo.tier;
      }
    });
    this.#ui.chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.#ui.chart.replaceChildren(...nodes, ...tierLabels);
    // A tier's name runs until the next change of tier at most (its whole name in a tooltip and the table).
    tierLabels.forEach((node, i) => fitText(node, (tierLabels[i + 1]?.getAttribute('x') ?? width) - node.getAttribute('x') - 4));
  }

  #fillTable(projection, m, f, tierName) {
    const hasEmployee = projection.months.some((mo) => mo.employee_points_balance !== undefined);
    // Points that wait out a return window are shown apart from the balance that holds them.
    const hasPending = projection.months.some((mo) => mo.points_pending !== undefined);
    const head = [m.month, m.tier, hasEmployee ? m.companyBalance : m.balance, ...(hasPending ? [m.pending] : []),
      ...(hasEmployee ? [m.employeeBalance] : []), m.expiring];
    const rows = projection.months.map((mo) => h('tr', {},
      h('th', { scope: 'row' }, monthName(mo.month, this.locale, m.monthNames)), h('td', {}, mo.tier ? tierName(mo.tier) : '—'), h('td', { 'data-balance': String(mo.points_balance) }, f.count(mo.points_balance)),
      ...(hasPending ? [h('td', { 'data-pending': String(mo.points_pending ?? 0) }, f.count(mo.points_pending ?? 0))] : []),
      ...(hasEmployee ? [h('td', {}, f.count(mo.employee_points_balance ?? 0))] : []), h('td', {}, f.count(mo.points_expired))));
    this.#ui.table.replaceChildren(h('thead', {}, h('tr', {}, ...head.map((text) => h('th', { scope: 'col' }, text)))), h('tbody', {}, ...rows));
  }
}

export function defineLoyaltyTierPreview(tag = 'loyalty-tier-preview', registry = globalThis.customElements) {
  return defineElement(tag, LoyaltyTierPreviewElement, registry);
}

defineLoyaltyTierPreview();

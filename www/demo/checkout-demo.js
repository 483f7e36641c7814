// The demo shop's own script: an editable cart that feeds <loyalty-checkout>, and a pay button
// that charges what the widget's quote event says. It keeps working if the widget fails.
//
// Pay, as a careful shop does it:
// - While the widget loads (the page opens, or another program is chosen), Pay is disabled and
//   says why beside it: charging the full price a moment before the rewards show would charge
//   more than the page is about to say. It comes back with the quote, or with a definitive
//   failure (the widget's loyalty-error, or its script never loaded).
// - With a quote, Pay charges its `payable`, the widget's "To pay".
// - Without one (a failure), the widget shows the page's own totals (goods, each delivery, the
//   sum), and Pay charges that sum: nothing is charged that no line on the page shows.
// - The receipt stays until the shopper changes what is bought (the cart, the customer, the
//   program, the points used): a quote arriving on its own never takes it away.
import { PROGRAMS, SHOPS, customers, isoDay } from './demo-data.js';
import { count, money, say, translatePage } from './demo-words.js';

const $ = (id) => document.getElementById(id);
const widget = $('widget');
const params = new URLSearchParams(location.search);
const state = {
  program: params.get('program') ?? 'retail',
  customer: params.get('customer') ?? 'regular',
  locale: params.get('locale') ?? 'en',
  lines: [],
  promo: '',
  quote: null,
  /** The widget: 'loading' (no quote yet), 'ready' (a quote), 'failed' (an error), 'unavailable' (no module, for good). */
  widget: 'loading',
  /** The last charge, { amount, currency, scale, withoutRewards }, said until the order changes. */
  charge: null,
};
const say$ = (key, values) => say(state.locale, key, values);

function option(value, text) {
  const node = document.createElement('option');
  node.value = value;
  node.textContent = text;
  return node;
}

/** Exact sum of price × quantity in minor units, for paying when the widget is unavailable. */
function subtotal(lines) {
  let cents = 0n;
  let scale = 0;
  for (const line of lines) scale = Math.max(scale, (line.unit_price.split('.')[1] ?? '').length);
  for (const line of lines) {
    const [whole, fraction = ''] = line.unit_price.split('.');
    cents += BigInt(whole + fraction.padEnd(scale, '0')) * BigInt(line.quantity);
  }
  const digits = cents.toString().padStart(scale + 1, '0');
  return scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
}

/** The decimal places of an amount ("390.00" → 2). */
const scaleOf = (amount) => (amount.split('.')[1] ?? '').length;

function cart() {
  return {
    date: isoDay(0),
    promo_code: state.promo || undefined,
    lines: state.lines.map(({ sku, name, category, unit_price, unit_cost, quantity, promotional, attributes }) => ({ sku, name, category, unit_price, unit_cost, quantity, promotional, ...(attributes ? { attributes } : {}) })),
    // Delivery comes with goods: an empty cart has none.
    ...(SHOPS[state.program].shipping && state.lines.length ? { shipping: SHOPS[state.program].shipping } : {}),
  };
}

/** The demo's one rule for a quantity: a whole number from 1 to 99. */
const MAX_QUANTITY = 99;
function quantityOf(text) {
  return /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_QUANTITY ? Number(text) : null;
}

/** A price of the shop's, in the page's locale. */
const price = (amount) => money(state.locale, SHOPS[state.program].currency, amount, scaleOf(amount));

/** The items to add, with their prices in the page's locale; the choice made stays. */
function renderAddItems() {
  const chosen = $('add-item').value;
  $('add-item').replaceChildren(...SHOPS[state.program].items.map((item) => option(item.sku, `${item.name} — ${price(item.unit_price)}`)));
  if (chosen && SHOPS[state.program].items.some((item) => item.sku === chosen)) $('add-item').value = chosen;
}

function renderLines() {
  const rows = state.lines.flatMap((line, index) => {
    const row = document.createElement('tr');
    const cells = [line.name, line.category, price(line.unit_price)].map((text, i) => {
      const cell = document.createElement('td');
      cell.textContent = text;
      if (i === 1) cell.className = 'cat';
      if (i === 2) cell.className = 'num';
      return cell;
    });
    const qtyCell = document.createElement('td');
    qtyCell.className = 'num';
    const qty = document.createElement('input');
    Object.assign(qty, { type: 'number', min: '1', max: String(MAX_QUANTITY), step: '1', inputMode: 'numeric', value: String(line.quantity) });
    qty.setAttribute('aria-label', say$('quantityOf', { item: line.name }));
    // The message sits in a row of its own under the line, and the field points to it.
    const messageRow = document.createElement('tr');
    messageRow.className = 'field-message';
    messageRow.hidden = true;
    const messageCell = document.createElement('td');
    messageCell.colSpan = 5;
    messageCell.id = `qty-message-${index}`;
    messageRow.append(messageCell);
    qty.setAttribute('aria-describedby', messageCell.id);
    qty.addEventListener('change', () => {
      const entered = qty.value.trim();
      const quantity = quantityOf(entered);
      // The field always shows the quantity that is priced: a refused entry is put back, and said why.
      messageRow.hidden = quantity !== null;
      messageCell.textContent = quantity === null
        ? say$('notQuantity', {
          entry: entered === '' ? say$('emptyQuantity') : say$('quoted', { entry: entered }),
          max: count(state.locale, MAX_QUANTITY),
          kept: count(state.locale, line.quantity),
        })
        : '';
      if (quantity === null) {
        qty.value = String(line.quantity);
        return;
      }
      line.quantity = quantity;
      update();
    });
    qtyCell.append(qty);
    const removeCell = document.createElement('td');
    const remove = document.createElement('button');
    remove.type = 'button';
    // The word, or on a phone a ✕ (the cart's four columns do not fit 320 px with the longer
    // words and prices); the label names the item either way.
    const word = document.createElement('span');
    word.className = 'remove-word';
    word.textContent = say$('remove');
    const cross = document.createElement('span');
    cross.className = 'remove-cross';
    cross.setAttribute('aria-hidden', 'true');
    cross.textContent = '✕';
    remove.append(word, cross);
    remove.setAttribute('aria-label', say$('removeItem', { item: line.name }));
    remove.addEventListener('click', () => {
      state.lines.splice(index, 1);
      renderLines();
      update();
      // Focus stays in the cart: on the line that took this one's place, else on adding an item.
      const next = $('lines').querySelectorAll('button')[index] ?? $('add-item');
      next.focus();
    });
    removeCell.append(remove);
    row.append(...cells, qtyCell, removeCell);
    return [row, messageRow];
  });
  $('lines').replaceChildren(...rows);
}

/** Pay: enabled with goods in the cart and the widget done loading; otherwise the reason, beside it. */
function renderPay() {
  const reason = state.lines.length === 0 ? 'cartEmpty' : state.widget === 'loading' ? 'payWaits' : null;
  $('pay').disabled = reason !== null;
  $('pay-note').hidden = reason === null;
  $('pay-note').textContent = reason ? say$(reason) : '';
}

/** The shop's own totals, shown in the widget's place when it has no quote: what Pay then charges. */
function fallbackTotals() {
  const shipping = cart().shipping ?? [];
  const goods = subtotal(state.lines);
  const total = subtotal([...state.lines, ...shipping.map((s) => ({ unit_price: s.price, quantity: 1 }))]);
  return { goods, shipping, total };
}

function renderFallback() {
  const { currency } = SHOPS[state.program];
  const { goods, shipping, total } = fallbackTotals();
  const row = (label, amount, kind) => {
    const term = document.createElement('dt');
    term.textContent = label;
    const value = document.createElement('dd');
    value.dataset.amount = kind;
    value.textContent = money(state.locale, currency, amount, scaleOf(amount));
    if (kind === 'total') term.className = value.className = 'total';
    return [term, value];
  };
  const rows = [
    ...row(say$('goods'), goods, 'goods'),
    ...shipping.flatMap((s) => row(say$(`delivery.${s.method}`) ?? say$('delivery'), s.price, 'delivery')),
    ...row(say$('total'), total, 'total'),
  ];
  $('fallback-totals').replaceChildren(...rows);
  // Only when the widget cannot give a quote: while it loads, Pay waits and nothing is totalled.
  $('fallback-totals').hidden = state.widget === 'loading' || state.widget === 'ready';
}

function renderCharge() {
  const c = state.charge;
  $('pay-status').textContent = c ? say$(c.withoutRewards ? 'chargedWithout' : 'charged', { amount: money(state.locale, c.currency, c.amount, c.scale) }) : '';
}

/** The shopper changed what is bought: a charge made for the old order is no longer what the page shows. */
function orderChanged() {
  state.charge = null;
  renderCharge();
}

function update() {
  orderChanged();
  widget.cart = cart();
  renderPay();
  renderFallback();
}

/** Where the widget is: Pay, the page's own totals and the notice follow it. */
function widgetIs(status) {
  state.widget = status;
  renderPay();
  renderFallback();
}

function loadProgram() {
  const shop = SHOPS[state.program];
  state.lines = shop.items.slice(0, 2).map((item) => ({ ...item, quantity: 1 }));
  state.quote = null;
  // The new program loads: Pay waits for its quote (a module that cannot load stays so).
  if (state.widget !== 'unavailable') state.widget = 'loading';
  $('add-item').replaceChildren();
  renderAddItems();
  renderLines();
  // The widget drops the old program's quote at once, and quotes again when the new one is ready.
  widget.setAttribute('program-src', `../build/programs/${state.program}.loyalty`);
  widget.customer = customers(state.program)[state.customer];
  update();
}

/** The page's language: its own words, the widget's, and the amounts it writes. */
function setLocale(locale) {
  state.locale = locale;
  translatePage(locale);
  widget.locale = locale;
  renderAddItems();
  renderLines();
  renderPay();
  renderFallback();
  renderCharge();
}

$('program').replaceChildren(...PROGRAMS.map(([id, name]) => option(id, name)));
$('program').value = state.program;
$('customer').value = state.customer;
$('locale').value = state.locale;
setLocale(state.locale);
// The widget's script did not load (module scripts run in order, so it would have by now): no
// widget will say so, and the page's own notice stays; otherwise the widget says it, in the page's language.
if (!customElements.get('loyalty-checkout')) state.widget = 'unavailable';
else $('fallback-note').hidden = true;

$('program').addEventListener('change', () => { state.program = $('program').value; orderChanged(); loadProgram(); });
$('customer').addEventListener('change', () => {
  state.customer = $('customer').value;
  orderChanged();
  widget.customer = customers(state.program)[state.customer];
});
$('locale').addEventListener('change', () => setLocale($('locale').value));
$('add').addEventListener('click', () => {
  const item = SHOPS[state.program].items.find((i) => i.sku === $('add-item').value);
  const existing = state.lines.find((line) => line.sku === item.sku);
  if (existing) existing.quantity = Math.min(MAX_QUANTITY, existing.quantity + 1);
  else state.lines.push({ ...item, quantity: 1 });
  renderLines();
  update();
});
$('promo-form').addEventListener('submit', (event) => {
  event.preventDefault();
  state.promo = $('promo').value.trim();
  update();
});

widget.addEventListener('loyalty-quote', (event) => {
  // Another amount for the same order (the shopper moved the points slider): the charge made
  // before no longer stands. The same amount again (another language, say) leaves it.
  const c = state.charge;
  if (c && !c.withoutRewards && c.amount !== event.detail.payable) orderChanged();
  state.quote = event.detail;
  widgetIs('ready');
});
widget.addEventListener('loyalty-error', (event) => {
  state.quote = null;
  widgetIs(event.detail.code === 'wasm_unavailable' ? 'unavailable' : 'failed');
});
$('pay').addEventListener('click', () => {
  if ($('pay').disabled) return;
  const q = state.quote;
  const { total } = fallbackTotals();
  state.charge = q
    ? { amount: q.payable, currency: q.currency, scale: q.quote.minor_units, withoutRewards: false }
    : { amount: total, currency: SHOPS[state.program].currency, scale: scaleOf(total), withoutRewards: true };
  renderCharge();
});

loadProgram();
// The widget may have found before this script listened that its module cannot load (a CSP
// without 'wasm-unsafe-eval', say): it says that once, and its card shows it.
if (widget.shadowRoot?.querySelector('[part="base"]')?.dataset.state === 'unavailable') widgetIs('unavailable');

// The demo shop's own script: an editable cart that feeds <loyalty-checkout>, and a pay button
// that charges what the widget's quote event says. It keeps working if the widget fails.
import { PROGRAMS, SHOPS, customers, isoDay } from './demo-data.js';

const $ = (id) => document.getElementById(id);
const widget = $('widget');
const params = new URLSearchParams(location.search);
const state = { program: params.get('program') ?? 'retail', customer: params.get('customer') ?? 'regular', lines: [], promo: '', quote: null };

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

function renderLines() {
  const rows = state.lines.flatMap((line, index) => {
    const row = document.createElement('tr');
    const cells = [line.name, line.category, line.unit_price].map((text, i) => {
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
    qty.setAttribute('aria-label', `Quantity of ${line.name}`);
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
        ? `${entered === '' ? 'An empty quantity' : `“${entered}”`} is not a quantity: enter a whole number from 1 to ${MAX_QUANTITY}. The cart keeps ${line.quantity}.`
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
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove ${line.name}`);
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

function update() {
  // A charge made for the old cart is no longer what the page shows.
  $('pay-status').textContent = '';
  $('pay').disabled = state.lines.length === 0;
  widget.cart = cart();
}

function loadProgram() {
  const shop = SHOPS[state.program];
  state.lines = shop.items.slice(0, 2).map((item) => ({ ...item, quantity: 1 }));
  state.quote = null;
  $('add-item').replaceChildren(...shop.items.map((item) => option(item.sku, `${item.name} — ${item.unit_price}`)));
  renderLines();
  // The widget drops the old program's quote at once, and quotes again when the new one is ready.
  widget.setAttribute('program-src', `../build/programs/${state.program}.loyalty`);
  widget.customer = customers(state.program)[state.customer];
  update();
}

$('program').replaceChildren(...PROGRAMS.map(([id, name]) => option(id, name)));
$('program').value = state.program;
$('customer').value = state.customer;
$('locale').value = params.get('locale') ?? 'en';
widget.locale = $('locale').value;
document.documentElement.lang = $('locale').value;

$('program').addEventListener('change', () => { state.program = $('program').value; loadProgram(); });
$('customer').addEventListener('change', () => {
  state.customer = $('customer').value;
  $('pay-status').textContent = '';
  widget.customer = customers(state.program)[state.customer];
});
$('locale').addEventListener('change', () => {
  widget.locale = $('locale').value;
  document.documentElement.lang = $('locale').value;
});
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
  // A new quote (other points used, say) may be a new amount: an old charge no longer stands.
  if (state.quote?.payable !== event.detail.payable) $('pay-status').textContent = '';
  state.quote = event.detail;
});
widget.addEventListener('loyalty-error', () => { state.quote = null; });
$('pay').addEventListener('click', () => {
  const amount = state.quote ? `${state.quote.payable} ${state.quote.currency}` : `${subtotal([...state.lines, ...(cart().shipping ?? []).map((s) => ({ unit_price: s.price, quantity: 1 }))])} ${SHOPS[state.program].currency} (without rewards)`;
  $('pay-status').textContent = `Charged ${amount}. Thank you!`;
});

loadProgram();

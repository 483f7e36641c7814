// The demo listing: 48 products, each priced for the chosen customer by a <loyalty-price>. All
// of them share one program and one engine: the page asks for the program once.
import { PROGRAMS, SHOPS, customers } from './demo-data.js';
import { count, money, say, translatePage } from './demo-words.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const PRODUCTS = 48;

function option(value, text) {
  const node = document.createElement('option');
  node.value = value;
  node.textContent = text;
  return node;
}

/** The shop's items, repeated with a few prices of their own, up to 48. */
function products(programId) {
  const items = SHOPS[programId].items;
  return Array.from({ length: PRODUCTS }, (_, i) => {
    const item = items[i % items.length];
    return { ...item, sku: `${item.sku}-${i + 1}`, name: `${item.name} #${i + 1}` };
  });
}

function render() {
  const programId = $('program').value;
  const customer = customers(programId)[$('customer').value];
  const currency = SHOPS[programId].currency;
  const locale = $('locale').value;
  translatePage(locale);
  $('products-title').textContent = say(locale, 'products', { count: count(locale, PRODUCTS) });
  const cards = products(programId).map((product) => {
    const price = document.createElement('loyalty-price');
    price.setAttribute('program-src', `../build/programs/${programId}.loyalty`);
    price.setAttribute('locale', $('locale').value);
    for (const name of ['sku', 'price', 'category']) price.setAttribute(name, name === 'price' ? product.unit_price : product[name]);
    if (product.attributes) price.lineAttributes = product.attributes;
    price.customer = customer;
    // The shop's own price, shown until the widget is ready, or if it cannot be.
    price.append(money(locale, currency, product.unit_price, (product.unit_price.split('.')[1] ?? '').length));
    const card = document.createElement('li');
    const title = document.createElement('h3');
    title.textContent = product.name;
    card.append(title, price);
    return card;
  });
  $('products').replaceChildren(...cards);
  history.replaceState(null, '', `?program=${programId}&customer=${$('customer').value}&locale=${$('locale').value}`);
}

$('program').replaceChildren(...PROGRAMS.map(([id, title]) => option(id, title)));
$('program').value = params.get('program') ?? 'retail';
$('customer').value = params.get('customer') ?? 'regular';
$('locale').value = params.get('locale') ?? 'en';
for (const id of ['program', 'customer', 'locale']) $(id).addEventListener('change', render);
render();

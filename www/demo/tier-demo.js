// The tier page's own script: pick a program, a customer and a language for the preview.
import { PROGRAMS, SHOPS, basketOf, customers } from './demo-data.js';
import { translatePage } from './demo-words.js';

const $ = (id) => document.getElementById(id);
const element = $('preview');
const params = new URLSearchParams(location.search);

function option(value, text) {
  const node = document.createElement('option');
  node.value = value;
  node.textContent = text;
  return node;
}

async function load() {
  const id = $('program').value;
  const program = await (await fetch(`../../examples/programs/${id}.json`)).json();
  // Another program was chosen while this one loaded: that one's load sets everything.
  if ($('program').value !== id) return;
  // The program, its customer and their usual basket change together, so that no figure mixes
  // one program with another's customer. Without a basket (?basket=none) the what-if is a
  // monthly spend: five of the shop's first item, in whole units.
  element.setAttribute('monthly-spend', String(Number.parseInt(SHOPS[id].items[0].unit_price, 10) * 5));
  element.customer = customers(id)[$('customer').value];
  element.program = program;
  element.basket = params.get('basket') === 'none' ? null : basketOf(id);
}

$('program').replaceChildren(...PROGRAMS.map(([id, name]) => option(id, name)));
$('program').value = params.get('program') ?? 'retail';
$('customer').value = params.get('customer') ?? 'regular';
$('locale').value = params.get('locale') ?? 'en';
element.locale = $('locale').value;
translatePage($('locale').value);
$('program').addEventListener('change', load);
$('customer').addEventListener('change', () => { element.customer = customers($('program').value)[$('customer').value]; });
$('locale').addEventListener('change', () => {
  element.locale = $('locale').value;
  translatePage($('locale').value);
});
load();

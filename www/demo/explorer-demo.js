// The explorer page's own script: preload the example programs, and keep the explorer's exact
// state in the URL, so that a link reproduces the screen.
import { PROGRAMS, basketOf } from './demo-data.js';
import { translatePage } from './demo-words.js';

const explorer = document.getElementById('explorer');
const locale = document.getElementById('locale');

function stateFromUrl() {
  const text = new URLSearchParams(location.hash.slice(1)).get('state');
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

explorer.addEventListener('loyalty-state', (event) => {
  const params = new URLSearchParams({ state: JSON.stringify(event.detail), locale: explorer.locale });
  history.replaceState(null, '', `#${params}`);
});
locale.addEventListener('change', () => {
  explorer.locale = locale.value;
  translatePage(locale.value);
  const params = new URLSearchParams({ state: JSON.stringify(explorer.state), locale: locale.value });
  history.replaceState(null, '', `#${params}`);
});

const hashLocale = new URLSearchParams(location.hash.slice(1)).get('locale');
locale.value = hashLocale ?? new URLSearchParams(location.search).get('locale') ?? 'en';
explorer.locale = locale.value;
translatePage(locale.value);

// Each program with its typical client's basket.
const programs = await Promise.all(PROGRAMS.map(async ([id, name]) => ({ id, name, basket: basketOf(id), program: await (await fetch(`../../examples/programs/${id}.json`)).json() })));
explorer.programs = programs;
const saved = stateFromUrl();
if (saved) explorer.state = saved;

// The demo pages and the elements' charts at phone and desktop widths (issue 15: items 8, 11, 13),
// and a screenshot of every page in every language at 360 and 1280 px, saved to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, RESULTS } from './browser.mjs';
import { PROGRAMS } from '../../www/demo/demo-data.js';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

const READY = {
  'checkout.html': () => document.querySelector('loyalty-checkout')?.quote,
  'tier.html': () => document.querySelector('loyalty-tier-preview')?.preview,
  'explorer.html': () => document.querySelector('loyalty-offer-explorer')?.result,
  'index.html': () => true,
};

async function open(file, width, query = '') {
  const page = await ctx.browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${ctx.base}/www/demo/${file}${query}`);
  await page.waitForFunction(READY[file]);
  return page;
}

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Every chart text's size on screen in CSS px: its font size times the SVG's scale. */
const chartTextSizes = (page, tag) => page.$eval(tag, (el) => [...el.shadowRoot.querySelectorAll('svg text')]
  .map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a));

for (const [file, tag] of [['tier.html', 'loyalty-tier-preview'], ['explorer.html', 'loyalty-offer-explorer']]) {
  for (const width of [360, 1280]) {
    test(`${file} at ${width} px: chart text is 11–14 CSS px, whatever the chart's scale`, async () => {
      const page = await open(file, width);
      // The chart is redrawn at its new width after layout: wait until its viewBox matches it.
      await page.waitForFunction((t) => {
        const svg = document.querySelector(t).shadowRoot.querySelector('svg[role="img"]');
        return Math.abs(svg.viewBox.baseVal.width - svg.getBoundingClientRect().width) < 2;
      }, tag);
      const sizes = await chartTextSizes(page, tag);
      assert.ok(sizes.length > 5);
      for (const size of sizes) assert.ok(size >= 11 && size <= 14, `text at ${size.toFixed(1)} px: ${sizes.map((x) => x.toFixed(1)).join(' ')}`);
      await page.close();
    });
  }
}

test('the tier chart has an axis title with its unit, light gridlines, month names with the year where it changes, in greys', async () => {
  const page = await open('tier.html', 1280);
  const chart = await page.$eval('loyalty-tier-preview', (el) => {
    const svg = el.shadowRoot.querySelector('svg[role="img"]');
    return {
      texts: [...svg.querySelectorAll('text')].map((t) => t.textContent),
      grid: [...svg.querySelectorAll('line.grid')].map((l) => l.getAttribute('stroke')),
      fills: [...svg.querySelectorAll('rect')].map((r) => r.getAttribute('fill')),
      months: el.preview.projection.months.map((m) => m.month),
    };
  });
  assert.ok(chart.texts.includes('Points at each month’s end'), chart.texts.join('|'));
  assert.ok(chart.grid.length >= 3);
  assert.ok(chart.grid.every((stroke) => stroke === '#d0d7de'));
  const short = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });
  for (const month of chart.months) assert.ok(chart.texts.includes(short.format(new Date(`${month}-15T00:00:00Z`))), month);
  const years = chart.months.filter((m, i) => i === 0 || m.endsWith('-01')).map((m) => m.slice(0, 4));
  assert.deepEqual(chart.texts.filter((t) => /^\d{4}$/.test(t)), years);
  // Readable in black and white: greys and a hatch, no colour carrying meaning.
  for (const fill of chart.fills) assert.ok(['#57606a', 'url(#hatch)'].includes(fill), fill);
  await page.close();
});

test('on a phone, where not every month is named, each year stands under a named month of that year', async () => {
  const page = await open('tier.html', 360);
  const chart = await page.$eval('loyalty-tier-preview', (el) => {
    const svg = el.shadowRoot.querySelector('svg[role="img"]');
    const texts = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, x: t.getAttribute('x') }));
    return { texts, months: el.preview.projection.months.map((m) => m.month) };
  });
  const short = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });
  const nameOf = (month) => short.format(new Date(`${month}-15T00:00:00Z`));
  const years = chart.texts.filter((t) => /^\d{4}$/.test(t.text));
  assert.ok(years.length >= 1);
  assert.equal(years[0].text, chart.months[0].slice(0, 4), 'the first year is the first month\'s');
  for (const year of years) {
    const named = chart.texts.find((t) => t.x === year.x && !/^\d{4}$/.test(t.text) && chart.months.some((m) => nameOf(m) === t.text));
    assert.ok(named, `the year ${year.text} stands under no month name`);
    const month = chart.months.find((m) => nameOf(m) === named.text);
    assert.equal(month.slice(0, 4), year.text, `${year.text} stands under ${named.text}, of ${month}`);
  }
  await page.close();
});

test('the tier chart names months in Armenian and Georgian, which Chromium has no data for', async () => {
  for (const [locale, december] of [['hy', 'դեկ'], ['ka', 'დეკ']]) {
    const page = await open('tier.html', 1280, `?locale=${locale}`);
    const texts = await page.$eval('loyalty-tier-preview', (el) => [...el.shadowRoot.querySelectorAll('svg text')].map((t) => t.textContent));
    assert.ok(texts.includes(december), `${locale}: ${texts.join('|')}`);
    await page.close();
  }
});

test('the explorer\'s chart has a percent axis with light gridlines', async () => {
  const page = await open('explorer.html', 1280);
  const chart = await page.$eval('loyalty-offer-explorer', (el) => {
    const svg = el.shadowRoot.querySelector('svg[role="img"]');
    return { texts: [...svg.querySelectorAll('text')].map((t) => t.textContent), grid: svg.querySelectorAll('line.grid').length };
  });
  assert.ok(chart.texts.includes('Share of gross profit given away, %'));
  assert.ok(chart.grid >= 3);
  assert.ok(chart.texts.includes('0%') && chart.texts.includes('10%'), chart.texts.join('|'));
  await page.close();
});

test('a table wider than the screen says it scrolls; one that fits does not', async () => {
  const hint = (page) => page.$eval('loyalty-offer-explorer', (el) => {
    const box = el.shadowRoot.querySelector('.scroll');
    return { wider: box.scrollWidth > box.clientWidth, hint: box.nextElementSibling.getClientRects().length > 0 };
  });
  const phone = await open('explorer.html', 360);
  await phone.waitForFunction(() => document.querySelector('loyalty-offer-explorer').shadowRoot.querySelector('.scroll').dataset.overflowing);
  assert.deepEqual(await hint(phone), { wider: true, hint: true });
  const desktop = await open('explorer.html', 1280);
  await desktop.waitForFunction(() => document.querySelector('loyalty-offer-explorer').shadowRoot.querySelector('.scroll').dataset.overflowing);
  assert.deepEqual(await hint(desktop), { wider: false, hint: false });
  await phone.close();
  await desktop.close();
});

test('no demo page scrolls sideways at 360 px, with any program', async () => {
  const wide = [];
  for (const file of ['checkout.html', 'tier.html']) {
    for (const [id] of PROGRAMS) {
      const page = await open(file, 360, `?program=${id}&customer=b2b`);
      const by = await overflow(page);
      if (by > 0) wide.push(`${file} ${id}: ${by}px`);
      await page.close();
    }
  }
  const page = await open('explorer.html', 360);
  for (const [id] of PROGRAMS) {
    await page.selectOption('loyalty-offer-explorer >> select >> nth=0', id);
    await page.waitForFunction((p) => document.querySelector('loyalty-offer-explorer').state.program === p, id);
    const by = await overflow(page);
    if (by > 0) wide.push(`explorer.html ${id}: ${by}px`);
  }
  await page.close();
  assert.deepEqual(wide, []);
});

test('at 1280 px: the program select shows its longest name, the tier card fills its column, the index uses the width', async () => {
  for (const file of ['checkout.html', 'tier.html']) {
    const page = await open(file, 1280);
    const fit = await page.$eval('#program', (select) => {
      const canvas = document.createElement('canvas').getContext('2d');
      canvas.font = getComputedStyle(select).font;
      const longest = Math.max(...[...select.options].map((o) => canvas.measureText(o.textContent).width));
      return { longest, width: select.clientWidth };
    });
    assert.ok(fit.width >= fit.longest + 40, `${file}: ${JSON.stringify(fit)}`);
    await page.close();
  }
  const tier = await open('tier.html', 1280);
  const widths = await tier.evaluate(() => [document.querySelector('.panel').getBoundingClientRect().width, document.querySelector('loyalty-tier-preview').getBoundingClientRect().width]);
  assert.ok(Math.abs(widths[0] - widths[1]) <= 1, JSON.stringify(widths));
  await tier.close();
  const index = await open('index.html', 1280);
  const share = await index.evaluate(() => document.querySelector('.panel').getBoundingClientRect().width / document.querySelector('main').clientWidth);
  assert.ok(share > 0.9, String(share));
  await index.close();
});

test('the explorer page names itself once, and its behaviour fieldset shares a column with the economics', async () => {
  const page = await open('explorer.html', 1280);
  const text = await page.evaluate(() => document.body.innerText + document.querySelector('loyalty-offer-explorer').shadowRoot.querySelector('.main').innerText);
  assert.equal(text.split('Offer explorer').length - 1, 1);
  // The top-level fieldsets: the basket's lines are fieldsets of their own inside the behaviour.
  const [behaviour, economics] = await page.$eval('loyalty-offer-explorer', (el) => [...el.shadowRoot.querySelectorAll('fieldset')]
    .filter((f) => !f.parentElement.closest('fieldset')).slice(1, 3).map((f) => f.getBoundingClientRect().left));
  assert.equal(behaviour, economics);
  await page.close();
});

test('screenshots of every page in every language at 360 and 1280 px are saved, none scrolling sideways', async () => {
  const wide = [];
  for (const file of ['checkout.html', 'tier.html', 'explorer.html', 'index.html']) {
    for (const locale of ['en', 'ru', 'hy', 'ka']) {
      for (const width of [360, 1280]) {
        const page = await open(file, width, `?locale=${locale}`);
        if (file !== 'index.html') {
          await page.waitForFunction((loc) => document.documentElement.lang === loc, locale);
        }
        const path = new URL(`${file.replace('.html', '')}-${locale}-${width}.png`, RESULTS);
        await page.screenshot({ path: path.pathname, fullPage: true });
        assert.ok(readFileSync(path).length > 1000);
        const by = await overflow(page);
        if (by > 0) wide.push(`${file} ${locale} ${width}: ${by}px`);
        await page.close();
      }
    }
  }
  assert.deepEqual(wide, []);
});

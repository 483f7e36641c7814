// The tier page writes what the numbers are: the summary in words and the locale's dates, the
// ladder with its unit, months by name, the slider's thumb where its figure says, and month
// labels that do not run into each other (issue 30: item 4).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

const LOCALES = ['en', 'ru', 'hy', 'ka'];

async function tierPage(query, viewport) {
  const opened = await openPage(ctx.browser, `${ctx.base}/www/demo/tier.html${query}`, viewport);
  const id = new URLSearchParams(query).get('program');
  await opened.page.waitForFunction((p) => { const el = document.querySelector('loyalty-tier-preview'); return el?.preview && (!p || el.program?.id === p); }, id);
  return opened;
}

test('the summary writes dates as the locale does, never as ISO dates', async () => {
  for (const locale of LOCALES) {
    const { page } = await tierPage(`?program=skyline-miles&customer=regular&locale=${locale}`);
    const summary = await page.$eval('loyalty-tier-preview', (el) => el.shadowRoot.querySelector('[part~="summary"]').textContent);
    assert.doesNotMatch(summary, /\d{4}-\d{2}-\d{2}/, `${locale}: ${summary}`);
    assert.match(summary, locale === 'en' ? /Jun 1, 2026/ : /01\.06\.2026/, `${locale}: ${summary}`);
  }
});

test('the ladder says what a threshold counts: points, or spend in the program\'s currency', async () => {
  const unit = { en: /from 25,000 points/, ru: /от 25\s000 баллов/, hy: /25\s000 միավորից/, ka: /25\s000 ქულიდან/ };
  for (const locale of LOCALES) {
    const { page } = await tierPage(`?program=skyline-miles&customer=regular&locale=${locale}`);
    const ladder = await page.$eval('loyalty-tier-preview', (el) => el.shadowRoot.querySelector('[part~="ladder"]').textContent);
    assert.match(ladder, unit[locale], `${locale}: ${ladder}`);
  }
  const { page } = await tierPage('?program=retail&customer=regular&locale=en');
  const ladder = await page.$eval('loyalty-tier-preview', (el) => el.shadowRoot.querySelector('[part~="ladder"]').textContent);
  assert.match(ladder, /from \$500\.00 spent/, ladder);
});

test('the table names its months in the locale, never "2027-01"', async () => {
  for (const locale of LOCALES) {
    const { page } = await tierPage(`?program=retail&customer=regular&locale=${locale}`);
    const months = await page.$eval('loyalty-tier-preview', (el) => [...el.shadowRoot.querySelectorAll('[part~="table"] tbody th')].map((th) => th.textContent));
    assert.ok(months.length >= 12);
    for (const month of months) assert.doesNotMatch(month, /^\d{4}-\d{2}$/, `${locale}: ${month}`);
  }
});

test('the slider\'s thumb stands where its figure says: orders a month of the usual order', async () => {
  for (const program of ['s7-profi', 'bwt-dealers', 'retail']) {
    const { page } = await tierPage(`?program=${program}&customer=regular&locale=en`);
    const seen = await page.$eval('loyalty-tier-preview', (el) => ({
      thumb: el.shadowRoot.querySelector('input[type="range"]').value,
      figure: el.shadowRoot.querySelector('output').textContent,
    }));
    assert.equal(seen.figure.match(/^\d+/)?.[0], seen.thumb, `${program}: thumb ${seen.thumb}, figure ${seen.figure}`);
  }
});

/**
 * The labels of one row under the tier page's chart at 360 px (`below` px under its baseline) that
 * come within `gap` px of the next one, in each language; none is the pass.
 */
async function crowdedLabels(query, below, gap) {
  const found = {};
  for (const locale of LOCALES) {
    const { page } = await tierPage(`${query}&locale=${locale}`, { width: 360, height: 800 });
    await page.waitForFunction(() => {
      const svg = document.querySelector('loyalty-tier-preview').shadowRoot.querySelector('svg[role="img"]');
      return Math.abs(svg.viewBox.baseVal.width - svg.getBoundingClientRect().width) < 2;
    });
    const crowded = await page.$eval('loyalty-tier-preview', (el, [offset, room]) => {
      const svg = el.shadowRoot.querySelector('svg[role="img"]');
      const base = Math.max(...[...svg.querySelectorAll('line')].map((l) => Number(l.getAttribute('y1'))));
      const row = [...svg.querySelectorAll('text')].filter((t) => Number(t.getAttribute('y')) === base + offset).map((t) => t.getBBox()).sort((p, q) => p.x - q.x);
      return row.slice(1).flatMap((box, i) => (box.x < row[i].x + row[i].width + room ? [`${Math.round(row[i].x)}+${Math.round(row[i].width)} > ${Math.round(box.x)}`] : []));
    }, [below, gap]);
    if (crowded.length) found[locale] = crowded;
  }
  return found;
}

test('at 360 px the month labels under the chart never overlap, in any language', async () => {
  assert.deepEqual(await crowdedLabels('?program=retail&customer=regular', 16, 2), {});
});

test('at 360 px the tier names under the chart never run into each other (Skyline: Silver, then Blue a month later)', async () => {
  assert.deepEqual(await crowdedLabels('?program=skyline-miles&customer=regular', 50, 1), {});
});

// pkg/ as a seller installs it: npm packs it, a fresh project installs the tarball, and a server
// script and TypeScript code use it by its name, loading the Wasm with no path given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { canonical, loadFixtures, root } from './fixtures.mjs';

const run = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}\n${result.stdout}${result.stderr}`);
  return result.stdout;
};
const manifest = JSON.parse(readFileSync(new URL('pkg/package.json', root), 'utf8'));
const project = mkdtempSync(join(tmpdir(), 'loyalty-package-'));
const [packed] = JSON.parse(run('npm', ['pack', new URL('pkg/', root).pathname, '--json', '--pack-destination', project], project));
const packedFiles = packed.files.map((file) => file.path);
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'seller-server', private: true, type: 'module' }));
run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(project, packed.filename)], project);

test.after(() => rmSync(project, { recursive: true, force: true }));

test('the tarball holds every exported file and no demo page', () => {
  const targets = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
  for (const target of targets) assert.ok(packedFiles.includes(target.slice(2)), `${target} is exported but not packed`);
  assert.deepEqual(packedFiles.filter((file) => /demo|\.html$|\.css$/.test(file)), []);
  assert.ok(packedFiles.includes('loyalty_core_bg.wasm') && packedFiles.includes('loyalty_analytics_bg.wasm'));
  assert.ok(packedFiles.includes('README.md'));
});

test('the packed Wasm is the one the tests and the demo use', () => {
  for (const wasm of ['loyalty_core_bg.wasm', 'loyalty_analytics_bg.wasm']) {
    const installed = readFileSync(join(project, 'node_modules/loyalty-calculator', wasm));
    assert.ok(installed.equals(readFileSync(new URL(`www/build/${wasm}`, root))), wasm);
  }
});

test('a server imports the package by name, loads it without a path and gets the golden quotes', () => {
  const fixtures = loadFixtures().map(({ name, program, customer, cart, locale }) => ({ name, program, customer, cart, locale }));
  writeFileSync(join(project, 'fixtures.json'), JSON.stringify(fixtures));
  writeFileSync(join(project, 'server.mjs'), `
    import { readFileSync } from 'node:fs';
    import { loadCompiler, loadCore, LoyaltyEngine } from 'loyalty-calculator';
    import { loadAnalytics, calculate } from 'loyalty-calculator/analytics';
    await Promise.all([loadCore(), loadAnalytics(), loadCompiler()]);
    const quotes = JSON.parse(readFileSync('fixtures.json', 'utf8')).map(({ program, customer, cart, locale }) => {
      const engine = new LoyaltyEngine(program);
      try { return engine.quote(customer, cart, locale); } finally { engine.free(); }
    });
    const nps = calculate({ nps: { scores: [10, 9, 9, 7, 3] } });
    console.log(JSON.stringify({ quotes, nps }));`);
  const { quotes, nps } = JSON.parse(run(process.execPath, ['server.mjs'], project));
  const expected = loadFixtures();
  assert.equal(quotes.length, expected.length);
  quotes.forEach((quote, i) => assert.equal(canonical(quote), canonical(expected[i].quote), expected[i].name));
  assert.equal(nps.nps, '40.0');
});

test('TypeScript code type-checks against the installed package, and money as a float does not', () => {
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], skipLibCheck: false },
    files: ['server.ts'],
  }));
  const tsc = [new URL('node_modules/typescript/bin/tsc', root).pathname, '-p', project];
  writeFileSync(join(project, 'server.ts'), `
    import { loadCompiler, loadCore, LoyaltyEngine, LoyaltyError, type Quote } from 'loyalty-calculator';
    import { project, type Projection } from 'loyalty-calculator/analytics';
    import type { LoyaltyCheckoutElement } from 'loyalty-calculator/checkout';
    import type { LoyaltyTierPreviewElement } from 'loyalty-calculator/tier-preview';
    import type { LoyaltyOfferExplorerElement } from 'loyalty-calculator/offer-explorer';
    await Promise.all([loadCore(), loadCompiler()]);
    const engine = new LoyaltyEngine({ version: 1, id: 'p', name: 'P', currency: 'USD' });
    const quote: Quote = engine.quote(undefined, { date: '2026-11-22', lines: [{ sku: 'A', unit_price: '9.99', quantity: 2 }] });
    const payable: string = quote.payable;
    declare const widget: LoyaltyCheckoutElement;
    declare const tierPage: LoyaltyTierPreviewElement;
    declare const explorer: LoyaltyOfferExplorerElement;
    tierPage.customer = { tier: 'silver' };
    explorer.state = { months: 24 };
    const months: number = explorer.state.months;
    declare const projection: Projection;
    try { project({ program: { version: 1, id: 'p', name: 'P', currency: 'USD' }, start: '2026-01-01', months: 12, plan: { monthly: { spend: [{ amount: '150.00' }] } } }); }
    catch (error) { if (error instanceof LoyaltyError) console.log(error.code, error.path, payable, widget, projection, months); }
    export {};`);
  const typed = spawnSync(process.execPath, tsc, { encoding: 'utf8' });
  assert.equal(typed.status, 0, typed.stdout + typed.stderr);
  writeFileSync(join(project, 'server.ts'), `
    import { LoyaltyEngine } from 'loyalty-calculator';
    new LoyaltyEngine({ version: 1, id: 'p', name: 'P', currency: 'USD' }).quote(undefined, { date: '2026-11-22', lines: [{ sku: 'A', unit_price: 9.99, quantity: 2 }] });
    export {};`);
  const mistaken = spawnSync(process.execPath, tsc, { encoding: 'utf8' });
  assert.notEqual(mistaken.status, 0);
  assert.match(mistaken.stdout, /Type 'number' is not assignable to type 'string'/);
});

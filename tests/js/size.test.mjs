// Size is deterministic, so a test may hold it to a budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleSizes } from '../../scripts/sizes.mjs';

const sizes = bundleSizes();

// The current ceilings, which stop the bundle from growing unnoticed. The budget is lower
// (150 KB raw Wasm, 64 KB brotli for the checkout's first load); these figures fall as the
// one-engine work lands.
test('the release .wasm stays under its raw ceiling', () => {
  assert.ok(sizes.wasm.raw <= 194 * 1024, `${sizes.wasm.raw} bytes`);
});

test('Wasm and its glue stay under their brotli ceiling', () => {
  const brotli = sizes.wasm.brotli + sizes.glue.brotli;
  assert.ok(brotli <= 72 * 1024, `${brotli} bytes brotli`);
});

test('Wasm, glue and widget together stay under the brotli ceiling, lighter than Smile.io (about 105 KB)', () => {
  assert.ok(sizes.total.brotli <= 84 * 1024, `${sizes.total.brotli} bytes brotli`);
});

test('the analytics package with the tier preview and the offer explorer stays under its ceiling', () => {
  // Loaded only by the customer's and the rep's pages, never at checkout. Built for speed at
  // opt-level "s" (Cargo.toml's wasm-analytics profile), which costs about 33 KB.
  assert.ok(sizes.analytics.raw <= 446 * 1024, `${sizes.analytics.raw} bytes`);
});

test('the widget JavaScript stays small', () => {
  assert.ok(sizes.widget.brotli <= 16 * 1024, `${sizes.widget.brotli} bytes brotli`);
});

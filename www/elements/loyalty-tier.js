// The customer's tier page's Wasm module (loyalty_tier_bg.wasm): the analytics module without the
// seller's tools (forecasts, margins, comparisons, calculators, refunds), so that a customer's page
// loads only the tier preview, the program in plain words and its names.
import init, { initSync, previewJson, summarizeJson, namesJson } from '../build/loyalty_tier.js';
import { programCalls } from './program-calls.js';
import { wasmModule } from './wasm-module.js';

const tier = wasmModule(init, initSync, new URL('../build/loyalty_tier_bg.wasm', import.meta.url), 'The tier page\'s module is not loaded yet: await loadTier() first.');

/** Loads the module once; `source` is its URL (default: next to this file) or bytes. */
export const loadTier = (source) => tier.load(source);

export const { preview, summarize, names } = programCalls(tier, { previewJson, summarizeJson, namesJson });

// Projections, margin impact, comparisons and the seller-side calculators, from the analytics
// Wasm module (loyalty_analytics_bg.wasm). The checkout widget never loads it.
import init, { initSync, Customers, projectJson, forecastJson, marginJson, compareJson, calculateJson, previewJson, refundJson, summarizeJson, namesJson } from '../build/loyalty_analytics.js';
import { guarded, LoyaltyError } from './errors.js';
import { programCalls } from './program-calls.js';
import { wasmModule } from './wasm-module.js';

export { LoyaltyError };

const analytics = wasmModule(init, initSync, new URL('../build/loyalty_analytics_bg.wasm', import.meta.url), 'The analytics module is not loaded yet: await loadAnalytics() first.');

/** Loads the analytics module once; `source` is its URL (default: next to this file in pkg/, www/build/ in the repository) or bytes. */
export const loadAnalytics = (source) => analytics.load(source);

/** Loads the module from bytes at once, as Node does. */
export const loadAnalyticsSync = (bytes) => analytics.loadSync(bytes);

/** The size of the module's linear memory in bytes, for leak checks. */
export const analyticsMemoryBytes = () => analytics.exports().memory.buffer.byteLength;

function call(fn, request) {
  analytics.exports();
  return guarded(() => JSON.parse(fn(JSON.stringify(request))));
}

/** A customer's months under a program: `{program, customer, start, months, plan, redeem}`. */
export const project = (request) => call(projectJson, request);
/** A portfolio's months summed: `{program, start, months, day, redeem, customers: [{customer, monthly}]}`. */
export const forecast = (request) => call(forecastJson, request);
/**
 * A portfolio's customers, `[{customer, monthly}]`, read once and kept inside Wasm: each forecast
 * then sends only its settings, `{program, start, months, day, redeem}`, as a rep changing the
 * offer does. Call free() when done; forgotten ones are freed by wasm-bindgen's FinalizationRegistry.
 */
export class LoyaltyPortfolio {
  #customers;

  constructor(customers) {
    analytics.exports();
    this.#customers = guarded(() => new Customers(typeof customers === 'string' ? customers : JSON.stringify(customers)));
  }

  /** How many customers are held. */
  get size() {
    return this.#held().count;
  }

  /** The held customers' months summed under `settings`. */
  forecast(settings) {
    const customers = this.#held();
    return guarded(() => JSON.parse(customers.forecastJson(JSON.stringify(settings))));
  }

  free() {
    this.#customers?.free();
    this.#customers = undefined;
  }

  #held() {
    if (!this.#customers) throw new LoyaltyError('freed', '', 'This portfolio was freed.');
    return this.#customers;
  }
}

/** Margin impact: `{projection, economics}`. */
export const margin = (request) => call(marginJson, request);
/** Variants side by side: `{customer, start, months, plan, redeem, economics, variants}`. */
export const compare = (request) => call(compareJson, request);
/** One calculator: `{"nps": {"scores": [...]}}`, `{"catalog_return": {"program": ...}}`, … */
export const calculate = (request) => call(calculateJson, request);
/**
 * What a return pays back from the order's own allocation, and the points it gives and takes
 * back: `{program, customer, cart, returns: [{line, quantity}], earlier?, refunded?, balance?}`.
 */
export const refund = (request) => call(refundJson, request);

/** The tier preview, a program in plain words and its names, as the tier page's module has them too. */
export const { preview, summarize, names } = programCalls(analytics, { previewJson, summarizeJson, namesJson });

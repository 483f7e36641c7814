// Projections, margin impact, comparisons and the seller-side calculators, from the analytics
// Wasm package (www/pkg-analytics/). The checkout widget never loads it.
import init, { initSync, projectJson, forecastJson, marginJson, compareJson, calculateJson, previewJson, summarizeJson } from './pkg-analytics/loyalty.js';
import { LoyaltyError, wrapError } from './errors.js';
import { wasmModule } from './wasm-module.js';

export { LoyaltyError };

const analytics = wasmModule(init, initSync, 'The analytics module is not loaded yet: await loadAnalytics() first.');

/** Loads the analytics module once; `source` is its URL (default: next to its glue) or bytes. */
export const loadAnalytics = (source) => analytics.load(source);

/** Loads the module from bytes at once, as Node does. */
export const loadAnalyticsSync = (bytes) => analytics.loadSync(bytes);

function call(fn, request) {
  analytics.exports();
  try {
    return JSON.parse(fn(JSON.stringify(request)));
  } catch (error) {
    throw wrapError(error);
  }
}

/** A customer's months under a program: `{program, customer, start, months, plan, redeem}`. */
export const project = (request) => call(projectJson, request);
/** A portfolio's months summed: `{program, start, months, day, redeem, customers: [{customer, monthly}]}`. */
export const forecast = (request) => call(forecastJson, request);
/** Margin impact: `{projection, economics}`. */
export const margin = (request) => call(marginJson, request);
/** Variants side by side: `{customer, start, months, plan, redeem, economics, variants}`. */
export const compare = (request) => call(compareJson, request);
/** One calculator: `{"nps": {"scores": [...]}}`, `{"catalog_return": {"program": ...}}`, … */
export const calculate = (request) => call(calculateJson, request);
/** The customer's tier preview: `{program, customer, as_of, monthly, months, redeem}`. */
export const preview = (request) => call(previewJson, request);

/** A program in plain words: en, ru, hy or ka. */
export function summarize(program, lang) {
  analytics.exports();
  try {
    return summarizeJson(JSON.stringify(program), lang);
  } catch (error) {
    throw wrapError(error);
  }
}

// The calls a program's views make of an analytics module: the customer's tier preview, a program
// in plain words and its names. Both the analytics module (the rep's explorer, and the npm
// package) and the tier page's own smaller module carry them; each wrapper builds them here from
// its glue.

import { guarded } from './errors.js';

/**
 * `module` is the wasmModule() holding the glue's exports; `glue` gives `previewJson`,
 * `summarizeJson` and `namesJson`.
 */
export function programCalls(module, { previewJson, summarizeJson, namesJson }) {
  return {
    /** The customer's tier preview: `{program, customer, as_of, monthly or basket, months, redeem}`. */
    preview(request) {
      module.exports();
      return guarded(() => JSON.parse(previewJson(JSON.stringify(request))));
    },
    /** A program in plain words: en, ru, hy or ka. */
    summarize(program, lang) {
      module.exports();
      return guarded(() => summarizeJson(JSON.stringify(program), lang));
    },
    /**
     * Every name `program` shows, chosen for `locale` by the core's one rule (the locale, its
     * language, the program's default language, the first given), by id.
     */
    names(program, locale = '') {
      module.exports();
      return guarded(() => JSON.parse(namesJson(JSON.stringify(program), locale ?? '')));
    },
  };
}

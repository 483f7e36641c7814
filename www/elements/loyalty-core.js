// The calculator core in WebAssembly, wrapped with plain-object calls.
// Money crosses as decimal strings, never as floats; errors are LoyaltyError with code and path.
import init, { initSync, Engine } from '../build/loyalty_core.js';
import { guarded, LoyaltyError } from './errors.js';
import { wasmModule } from './wasm-module.js';

export { LoyaltyError };

const core = wasmModule(init, initSync, new URL('../build/loyalty_core_bg.wasm', import.meta.url), 'The loyalty core is not loaded yet: await loadCore() first, or call loadCoreSync(bytes).');

/** Loads the Wasm module once; `source` is its URL (default: next to this file in pkg/, www/build/ in the repository) or its bytes. */
export const loadCore = (source) => core.load(source);

/** Loads the module from bytes at once, as Node does on a server. */
export const loadCoreSync = (bytes) => core.loadSync(bytes);

/** The size of the module's linear memory in bytes, for leak checks. */
export const wasmMemoryBytes = () => core.exports().memory.buffer.byteLength;

/**
 * A program validated once and kept inside Wasm; each quote sends only the customer and the cart.
 * Call free() when done; forgotten engines are freed by wasm-bindgen's FinalizationRegistry.
 */
export class LoyaltyEngine {
  #engine;

  constructor(program) {
    core.exports();
    this.#engine = guarded(() => new Engine(typeof program === 'string' ? program : JSON.stringify(program)));
  }

  /**
   * Prices `cart` for `customer`; returns the quote as a plain object, with the program's names
   * in `locale` (`ka`, `ru-RU`; by default the program's default language).
   */
  quote(customer, cart, locale = '') {
    return JSON.parse(this.quoteJson(customer, cart, locale));
  }

  /** The same quote as the exact JSON text the native `loyalty quote` command prints compactly. */
  quoteJson(customer, cart, locale = '') {
    if (!this.#engine) throw new LoyaltyError('freed', '', 'This engine was freed.');
    const engine = this.#engine;
    return guarded(() => engine.quoteJson(JSON.stringify(customer ?? {}), JSON.stringify(cart), locale ?? ''));
  }

  /**
   * Every name the program shows, chosen for `locale` by the core's one rule (the locale, its
   * language, the program's default language, the first given): `{ program, tiers: { id: { name,
   * perks } }, discounts: { id: name }, events, catalog, coalition, chance_rewards, membership,
   * categories }`.
   */
  names(locale = '') {
    if (!this.#engine) throw new LoyaltyError('freed', '', 'This engine was freed.');
    const engine = this.#engine;
    return guarded(() => JSON.parse(engine.namesJson(locale ?? '')));
  }

  /**
   * The fingerprint of the program, `customer` and `cart` (64 hex digits): what the seller's
   * server compares before it charges. Asked for when the customer pays, not with every quote.
   */
  fingerprint(customer, cart) {
    if (!this.#engine) throw new LoyaltyError('freed', '', 'This engine was freed.');
    const engine = this.#engine;
    return guarded(() => engine.fingerprintJson(JSON.stringify(customer ?? {}), JSON.stringify(cart)));
  }

  free() {
    this.#engine?.free();
    this.#engine = undefined;
  }
}

// The calculator core in WebAssembly, wrapped with plain-object calls.
// Money crosses as decimal strings, never as floats; errors are LoyaltyError with code and path.
import init, { initSync, Engine } from '../build/loyalty_core.js';
import { guarded, LoyaltyError } from './errors.js';
import { wasmModule } from './wasm-module.js';
import { isCompiledProgram } from './compiled-program.js';

export { LoyaltyError, isCompiledProgram };

const core = wasmModule(init, null, new URL('../build/loyalty_core_bg.wasm', import.meta.url), 'Await loadCore() or call loadCoreSync() first.');

/** Loads the Wasm module once; `source` is its URL (default: next to this file in pkg/, www/build/ in the repository) or its bytes. */
export const loadCore = (source) => core.load(source);

/** Loads the module from bytes at once, as Node does on a server. */
export const loadCoreSync = (bytes) => core.loadSync(bytes, initSync);

/** The size of the module's linear memory in bytes, for leak checks. */
export const wasmMemoryBytes = () => core.exports().memory.buffer.byteLength;


let compile = null;
/** Whether the console has said to ship the compiled form. */
let advised = false;

/**
 * Loads the program compiler (a module of its own, fetched only by a page that gives a JSON
 * program), so that engines can be made from JSON; `source` is its .wasm's URL or bytes.
 */
export async function loadCompiler(source) {
  compile = await (await import('./program-compiler.js')).loadCompiler(source, wasmModule, guarded);
}

/** A JSON program (an object or text) checked and compiled into the bytes a shop ships. */
export function compileProgram(program) {
  if (!compile) throw new LoyaltyError('not_initialised', '', 'Await loadCompiler() first, or loyalty compile the program.');
  return compile(program);
}

/**
 * An engine for a compiled program, or for a JSON program with the compiler loaded first; the
 * console says once that a shop should ship the compiled form, which spares the compiler's load.
 */
export async function engineFor(program) {
  if (!isCompiledProgram(program)) {
    if (!advised) console.info('loyalty: a JSON program loads the compiler too; ship a compiled one (loyalty compile).');
    advised = true;
    // Loading is asked for once: the module is imported, and the compiler instantiated, once.
    await loadCompiler();
  }
  return new LoyaltyEngine(program);
}

/**
 * A compiled program kept inside Wasm; each quote sends only the customer and the cart. Give it
 * the compiled program's bytes, or a JSON program once `loadCompiler()` has loaded the compiler.
 * Call free() when done; forgotten engines are freed by wasm-bindgen's FinalizationRegistry.
 */
export class LoyaltyEngine {
  #engine;

  constructor(program) {
    core.exports();
    const compiled = isCompiledProgram(program) ? new Uint8Array(program) : compileProgram(program);
    this.#engine = guarded(() => new Engine(compiled));
  }

  /**
   * What the widgets read of the program besides its names: `{ id, currency, tier_rules: {
   * qualifies_on }, tiers: [{ id, discount_percent, earn_multiplier }], points: { min_redeem,
   * value_per_point, expiry_months } | null }`.
   */
  outline() {
    return JSON.parse(this.#call('outlineJson'));
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
    return this.#call('quoteJson', JSON.stringify(customer ?? {}), JSON.stringify(cart), locale ?? '');
  }

  /**
   * Every name the program shows, chosen for `locale` by the core's one rule (the locale, its
   * language, the program's default language, the first given): `{ program, tiers: { id: { name,
   * perks } }, discounts: { id: name }, events, catalog, coalition, chance_rewards, membership,
   * categories }`.
   */
  names(locale = '') {
    return JSON.parse(this.#call('namesJson', locale ?? ''));
  }

  /**
   * Resolves to the fingerprint of the program, `customer` and `cart` (64 hex digits): what the
   * seller's server compares before it charges. Asked for when the customer pays, not with every
   * quote. The core gives what to hash and Web Crypto hashes it (a page needs HTTPS or localhost).
   */
  async fingerprint(customer, cart) {
    const input = this.#call('fingerprintInput', JSON.stringify(customer ?? {}), JSON.stringify(cart));
    if (!globalThis.crypto?.subtle) throw new LoyaltyError('insecure_context', '', 'A fingerprint needs Web Crypto: HTTPS or localhost.');
    const digest = await crypto.subtle.digest('SHA-256', input);
    return Array.from(new Uint8Array(digest), (byte) => (byte | 256).toString(16).slice(1)).join('');
  }

  /** The engine's `method` called with `args`, its errors as LoyaltyErrors; refused once freed. */
  #call(method, ...args) {
    const engine = this.#engine;
    if (!engine) throw new LoyaltyError('freed', '', 'This engine was freed.');
    return guarded(() => engine[method](...args));
  }

  free() {
    this.#engine?.free();
    this.#engine = undefined;
  }
}

// The calculator core in WebAssembly, wrapped with plain-object calls.
// Money crosses as decimal strings, never as floats; errors are LoyaltyError with code and path.
import init, { initSync, Engine } from './pkg/loyalty.js';
import { LoyaltyError, wrapError } from './errors.js';

export { LoyaltyError };

let loading = null;
let ready = false;
let exports = null;

/** Loads the Wasm module once; `source` is its URL (default: next to this file) or its bytes. */
export function loadCore(source) {
  loading ??= init(source === undefined ? undefined : { module_or_path: source }).then(
    (output) => { exports = output; ready = true; },
    (error) => { loading = null; throw wrapError(error); },
  );
  return loading;
}

/** Loads the module from bytes at once, as Node does on a server. */
export function loadCoreSync(bytes) {
  if (!ready) {
    exports = initSync({ module: bytes });
    ready = true;
  }
}

/** The size of the module's linear memory in bytes, for leak checks. */
export function wasmMemoryBytes() {
  requireReady();
  return exports.memory.buffer.byteLength;
}

function requireReady() {
  if (!ready) {
    throw new LoyaltyError('not_initialised', '', 'The loyalty core is not loaded yet: await loadCore() (or call loadCoreSync() in Node) first.');
  }
}

/**
 * A program validated once and kept inside Wasm; each quote sends only the customer and the cart.
 * Call free() when done; forgotten engines are freed by wasm-bindgen's FinalizationRegistry.
 */
export class LoyaltyEngine {
  #engine;

  constructor(program) {
    requireReady();
    try {
      this.#engine = new Engine(typeof program === 'string' ? program : JSON.stringify(program));
    } catch (error) {
      throw wrapError(error);
    }
  }

  /** Prices `cart` for `customer`; returns the quote as a plain object. */
  quote(customer, cart) {
    return JSON.parse(this.quoteJson(customer, cart));
  }

  /** The same quote as the exact JSON text the native `loyalty quote` command prints compactly. */
  quoteJson(customer, cart) {
    if (!this.#engine) throw new LoyaltyError('freed', '', 'This engine was freed.');
    try {
      return this.#engine.quoteJson(JSON.stringify(customer ?? {}), JSON.stringify(cart));
    } catch (error) {
      throw wrapError(error);
    }
  }

  /** The program in plain words: en, ru, hy or ka. */
  summary(lang) {
    if (!this.#engine) throw new LoyaltyError('freed', '', 'This engine was freed.');
    try {
      return this.#engine.summary(lang);
    } catch (error) {
      throw wrapError(error);
    }
  }

  free() {
    this.#engine?.free();
    this.#engine = undefined;
  }
}

// Loading a wasm-bindgen module once, by URL or from bytes, and refusing calls before it is loaded.
import { LoyaltyError, wrapError } from './errors.js';

/** `init` and `initSync` are the glue's; `notLoaded` is the message for calls made too early. */
export function wasmModule(init, initSync, notLoaded) {
  let loading = null;
  let exports = null;
  return {
    /** `source` is the module's URL (default: next to its glue) or its bytes. */
    load(source) {
      loading ??= init(source === undefined ? undefined : { module_or_path: source }).then(
        (output) => { exports = output; },
        (error) => { loading = null; throw wrapError(error); },
      );
      return loading;
    },
    /** Loads from bytes at once, as Node does on a server. */
    loadSync(bytes) {
      exports ??= initSync({ module: bytes });
    },
    /** The module's exports; throws `not_initialised` before it is loaded. */
    exports() {
      if (!exports) throw new LoyaltyError('not_initialised', '', notLoaded);
      return exports;
    },
  };
}

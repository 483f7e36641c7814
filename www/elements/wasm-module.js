// Loading a wasm-bindgen module once, by URL or from bytes, and refusing calls before it is loaded.
import { LoyaltyError } from './errors.js';

/** Node's fetch cannot read `file:` URLs, so on a server the module is read from disk instead. */
async function fetchable(source) {
  if (!globalThis.process?.versions?.node || !String(source).startsWith('file:')) return source;
  const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs/promises');
  return readFile(new URL(source));
}

/**
 * `init` and `initSync` are the glue's (`initSync` may instead be given to `loadSync`, so that a
 * bundle that never loads synchronously leaves it out); `defaultUrl` is where the module lies when
 * no source is given; `notLoaded` is the message for calls made too early.
 */
export function wasmModule(init, initSync, defaultUrl, notLoaded) {
  let loading = null;
  let exports = null;
  return {
    /** `source` is the module's URL (default: `defaultUrl`) or its bytes. */
    load(source = defaultUrl) {
      loading ??= fetchable(source).then((module_or_path) => init({ module_or_path })).then(
        (output) => { exports = output; },
        (error) => { loading = null; throw new LoyaltyError('wasm_unavailable', '', String(error?.message ?? error)); },
      );
      return loading;
    },
    /** Loads from bytes at once, as Node does on a server. */
    loadSync(bytes, sync = initSync) {
      exports ??= sync({ module: bytes });
    },
    /** The module's exports; throws `not_initialised` before it is loaded. */
    exports() {
      if (!exports) throw new LoyaltyError('not_initialised', '', notLoaded);
      return exports;
    },
  };
}

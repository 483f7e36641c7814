// The engine a checkout or price element prices with: the core and the element's program loaded
// side by side (on a phone each is a round trip), a JSON program compiled on demand.
import { engineFor, loadCore, LoyaltyError } from './loyalty-core.js';
import { programFromAttributes } from './elements.js';

/**
 * `{ program, engine }` for `element`'s program: `program` when given (a property), else its
 * attributes'; null when it has none. The core loads from the `wasm-src` attribute, if set.
 */
export async function loadEngine(element, program) {
  if (typeof WebAssembly !== 'object') throw new LoyaltyError('wasm_unavailable', '', 'This browser cannot run WebAssembly.');
  const [, given] = await Promise.all([loadCore(element.getAttribute('wasm-src') ?? undefined), program ?? programFromAttributes(element)]);
  return given && { program: given, engine: await engineFor(given) };
}

// The program compiler (loyalty_compiler_bg.wasm), imported on demand by loyalty-core.js for a
// JSON program. What it shares with the checkout's script is handed to it rather than imported,
// so that the script stays one file.
import init, { initSync, compileProgram } from '../build/loyalty_compiler.js';

/**
 * Loads the compiler from `source` (its .wasm's URL or bytes; by default next to this file) with
 * loyalty-core's `wasmModule` and `guarded`; resolves to `compile(program)`, which gives the
 * compiled program's bytes for a program object or JSON text.
 */
export async function loadCompiler(source, wasmModule, guarded) {
  // The glue instantiates its module once, however often it is asked.
  await wasmModule(init, initSync, new URL('../build/loyalty_compiler_bg.wasm', import.meta.url)).load(source);
  return (program) => guarded(() => compileProgram(typeof program === 'string' ? program : JSON.stringify(program)));
}

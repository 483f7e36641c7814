// Compiles every example program into www/build/programs/<name>.loyalty, what the demo pages
// load as a shop would (`loyalty compile` does the same natively). Build artefacts, not committed.
//
//   node scripts/compile-programs.mjs      (scripts/build.sh runs it after building the Wasm)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { compileProgram, loadCompiler } from '../www/elements/loyalty-core.js';

const examples = new URL('../examples/programs/', import.meta.url);
const out = new URL('../www/build/programs/', import.meta.url);

await loadCompiler();
mkdirSync(out, { recursive: true });
let largest = 0;
const names = readdirSync(examples).filter((file) => file.endsWith('.json'));
for (const file of names) {
  const bytes = compileProgram(readFileSync(new URL(file, examples), 'utf8'));
  writeFileSync(new URL(file.replace(/\.json$/, '.loyalty'), out), bytes);
  largest = Math.max(largest, bytes.length);
}
console.log(`programs: ${names.length} compiled into www/build/programs/, the largest ${largest} bytes`);

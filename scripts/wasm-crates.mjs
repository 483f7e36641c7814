// Where a Wasm module's bytes go, by Rust crate. It reads the module as wasm-bindgen leaves it,
// before wasm-opt, because that copy still names every function; wasm-opt then removes about an
// eighth. Inlining blurs the edges: library code inlined into the calculator counts as the
// calculator's, and the calculator's own uses of generic library code (a `Vec` of its own type)
// count as its own too.
import { readFileSync } from 'node:fs';

/** Reads the unsigned LEB128 number at `at`; returns [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at];
    at += 1;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
    shift += 7;
  }
}

/** The module's sections as { id, name (custom sections only), start, end }. */
function sections(bytes) {
  const found = [];
  for (let at = 8; at < bytes.length;) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    let name;
    if (id === 0) {
      const [length, text] = leb(bytes, start);
      name = bytes.subarray(text, text + length).toString('utf8');
    }
    found.push({ id, name, start, end: start + size });
    at = start + size;
  }
  return found;
}

function countedItems(bytes, section, read) {
  let [count, at] = leb(bytes, section.start);
  const items = [];
  for (; count > 0; count -= 1) {
    const [item, next] = read(at);
    items.push(item);
    at = next;
  }
  return items;
}

/** The number of imported functions, which come before the module's own in the index space. */
function importedFunctions(bytes, all) {
  const imports = all.find((s) => s.id === 2);
  if (!imports) return 0;
  const skipName = (at) => {
    const [length, text] = leb(bytes, at);
    return text + length;
  };
  return countedItems(bytes, imports, (at) => {
    const kindAt = skipName(skipName(at)); // past the module's and the field's names
    return [bytes[kindAt], skipImport(bytes, bytes[kindAt], kindAt + 1)];
  }).filter((kind) => kind === 0).length;
}

function skipImport(bytes, kind, at) {
  if (kind === 0) return leb(bytes, at)[1]; // a function: its type index
  if (kind === 1) at += 1; // a table: its element type, then limits
  if (kind === 3) return at + 2; // a global: value type and mutability
  const flags = bytes[at];
  at = leb(bytes, at + 1)[1];
  return flags & 1 ? leb(bytes, at)[1] : at;
}

/** Function names by index, from the custom "name" section. */
function functionNames(bytes, all) {
  const names = new Map();
  const section = all.find((s) => s.id === 0 && s.name === 'name');
  if (!section) return names;
  let at = leb(bytes, section.start)[1] + 4; // past the section's own name, "name"
  while (at < section.end) {
    const kind = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    if (kind === 1) {
      let [count, cursor] = leb(bytes, start);
      for (; count > 0; count -= 1) {
        const [index, length] = leb(bytes, cursor);
        const [bytesLong, text] = leb(bytes, length);
        names.set(index, bytes.subarray(text, text + bytesLong).toString('utf8'));
        cursor = text + bytesLong;
      }
    }
    at = start + size;
  }
  return names;
}

/** The crate a function belongs to: the calculator's whenever its name mentions it. */
function crateOf(name = '') {
  if (name.includes('loyalty[')) return 'loyalty (the calculator)';
  const crate = name.match(/([a-z_0-9]+)\[[0-9a-f]{16}\]/);
  if (crate) return crate[1];
  return /wbindgen|wbg|externref/.test(name) ? 'wasm_bindgen' : 'other';
}

/** [[name, bytes], ...] for every function body, in the module's order. */
function functionSizes(bytes, all) {
  const names = functionNames(bytes, all);
  const sizes = [];
  let index = importedFunctions(bytes, all);
  countedItems(bytes, all.find((s) => s.id === 10), (at) => {
    const [size, body] = leb(bytes, at);
    sizes.push([names.get(index) ?? `function ${index}`, size]);
    index += 1;
    return [size, body + size];
  });
  return sizes;
}

/** [[crate, bytes], ...], largest first: function bodies by crate, and the data segments. */
export function bytesByCrate(file) {
  const bytes = readFileSync(file);
  const all = sections(bytes);
  const totals = new Map();
  const add = (crate, size) => totals.set(crate, (totals.get(crate) ?? 0) + size);
  for (const [name, size] of functionSizes(bytes, all)) add(crateOf(name), size);
  const data = all.find((s) => s.id === 11);
  if (data) add('data (messages, names, tables)', data.end - data.start);
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** The `count` largest functions as [[name, bytes], ...], names without their hashes. */
export function largestFunctions(file, count) {
  const bytes = readFileSync(file);
  return functionSizes(bytes, sections(bytes))
    .map(([name, size]) => [name.replace(/\[[0-9a-f]{16}\]/g, ''), size])
    .sort((a, b) => b[1] - a[1])
    .slice(0, count);
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const file = process.argv[2] ?? new URL('../target/wasm-pack/loyalty_core/loyalty_core_bg.wasm', import.meta.url);
  const rows = bytesByCrate(file);
  const total = rows.reduce((sum, [, size]) => sum + size, 0);
  for (const [crate, size] of rows) {
    console.log(`${crate.padEnd(32)} ${(size / 1024).toFixed(1).padStart(7)} KB ${((100 * size) / total).toFixed(1).padStart(5)} %`);
  }
  console.log(`${'total, before wasm-opt'.padEnd(32)} ${(total / 1024).toFixed(1).padStart(7)} KB`);
  const count = Number(process.argv[3] ?? 12);
  console.log(`\nthe ${count} largest functions:`);
  for (const [name, size] of largestFunctions(file, count)) {
    console.log(`${(size / 1024).toFixed(1).padStart(6)} KB  ${name.slice(0, 110)}`);
  }
}

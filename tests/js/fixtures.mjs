// The shared golden fixtures, as the Rust tests read them: fixtures/quotes/*.json.
import { readFileSync, readdirSync } from 'node:fs';

export const root = new URL('../../', import.meta.url);

export function readJson(relative) {
  return JSON.parse(readFileSync(new URL(relative, root), 'utf8'));
}

/**
 * Every fixture with its program resolved: { name, program, customer, cart, locale, quote, expect };
 * `locale` is '' when the fixture gives none (the program's default language).
 */
export function loadFixtures() {
  return readdirSync(new URL('fixtures/quotes/', root))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const fixture = readJson(`fixtures/quotes/${file}`);
      const program = typeof fixture.program === 'string'
        ? readJson(`examples/programs/${fixture.program}.json`)
        : fixture.program;
      return { ...fixture, file, program, customer: fixture.customer ?? {}, locale: fixture.locale ?? '' };
    });
}

/** JSON with object keys sorted at every depth, so two runtimes' outputs compare byte for byte. */
export function canonical(value) {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
      : v);
}

export function wasmBytes() {
  return readFileSync(new URL('www/build/loyalty_core_bg.wasm', root));
}

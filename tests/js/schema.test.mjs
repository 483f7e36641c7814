// The JSON Schema in schema/ accepts every example program, and refuses what the core refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { readJson } from './fixtures.mjs';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(readJson('schema/program.schema.json'));

for (const file of readdirSync(new URL('../../examples/programs/', import.meta.url))) {
  test(`the schema accepts ${file}`, () => {
    assert.ok(validate(readJson(`examples/programs/${file}`)), JSON.stringify(validate.errors));
  });
}

test('the schema refuses a number for money, and an unknown field', () => {
  const program = readJson('examples/programs/retail.json');
  program.tiers[1].threshold = 500;
  assert.equal(validate(program), false);
  const unknown = { ...readJson('examples/programs/retail.json'), colour: 'red' };
  assert.equal(validate(unknown), false);
});

/** Every string in `value` that reads as a decimal number, with its path as the core writes it. */
function decimalStrings(value, path = '') {
  if (typeof value === 'string') return /^-?[0-9]+(\.[0-9]+)?$/.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => decimalStrings(item, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => decimalStrings(item, path ? `${path}.${key}` : key));
  }
  return [];
}

/** `program` with the string at `path` (`tiers[1].threshold`) replaced by the number it spells. */
function withNumberAt(program, path) {
  const copy = structuredClone(program);
  const steps = path.match(/[^.[\]]+/g);
  const parent = steps.slice(0, -1).reduce((node, step) => node[step], copy);
  const last = steps.at(-1);
  parent[last] = Number(parent[last]);
  return copy;
}

// One description of the format: the schema the TypeScript types come from and the core's reader
// agree that money and rates are decimal strings. Each decimal string of every example, written
// as a JSON number instead, is refused by both, at the same field.
test('a JSON number for any decimal field of the examples is refused by the schema and by the reader', async () => {
  const { loadCompiler, loadCore, LoyaltyEngine, LoyaltyError } = await import('../../pkg/loyalty-core.js');
  await Promise.all([loadCore(), loadCompiler()]);
  let fields = 0;
  for (const file of readdirSync(new URL('../../examples/programs/', import.meta.url))) {
    const program = readJson(`examples/programs/${file}`);
    for (const path of decimalStrings(program)) {
      const changed = withNumberAt(program, path);
      assert.equal(validate(changed), false, `${file}: the schema accepts a number at ${path}`);
      assert.throws(() => new LoyaltyEngine(changed), (error) => {
        assert.ok(error instanceof LoyaltyError, `${file} ${path}: ${error}`);
        assert.deepEqual([error.code, error.path], ['wrong_type', path], `${file}`);
        return true;
      });
      fields += 1;
    }
  }
  assert.ok(fields > 80, `only ${fields} decimal fields were found in the examples`);
});

test('the TypeScript types carry money only as strings', () => {
  const types = readFileSync(new URL('../../www/elements/loyalty-types.d.ts', import.meta.url), 'utf8');
  assert.doesNotMatch(types, /string \| number|number \| string/);
  // A sample of decimal fields, each typed as a string.
  for (const field of ['threshold', 'discount_percent', 'cap_per_month', 'min_order', 'min_subtotal', 'value_per_point', 'payable']) {
    assert.match(types, new RegExp(`\\b${field}\\??: \\(?string\\b`), field);
  }
});

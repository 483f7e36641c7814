// The JSON Schema in schema/ accepts every example program, and refuses what the core refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
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

// The TypeScript definitions: generated types are current, an integrator's code type-checks,
// and a float for money does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { generateTypes } from '../../scripts/types.mjs';

const root = new URL('../../', import.meta.url);
const tsc = (...args) => spawnSync(process.execPath, [new URL('node_modules/typescript/bin/tsc', root).pathname, ...args], { cwd: root.pathname, encoding: 'utf8' });

test('www/elements/loyalty-types.d.ts is what the schema generates', async () => {
  const committed = readFileSync(new URL('www/elements/loyalty-types.d.ts', root), 'utf8');
  assert.equal(committed, await generateTypes(), 'stale: run `cargo run --features cli -- schema --all > schema/loyalty-api.schema.json && node scripts/types.mjs --write`');
});

test('an integrator\'s code type-checks against the definitions', () => {
  const result = tsc('-p', 'tests/types');
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('a float for money is a type error', () => {
  const result = tsc('--strict', '--noEmit', '--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--lib', 'ES2022,DOM', 'tests/types/mistake.ts');
  assert.notEqual(result.status, 0);
  assert.match(result.stdout, /Type 'number' is not assignable to type 'string'/);
});

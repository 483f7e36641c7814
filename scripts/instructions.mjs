// Instruction counts under callgrind, which are the same from run to run (unlike times on a shared
// machine): `loyalty quote` for a 1-line and a 200-line cart, and what the 199 more lines cost.
// Needs `valgrind` and a release build of the command (bench.sh makes both).
// Usage: node scripts/instructions.mjs [path/to/loyalty]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const command = process.argv[2] ?? new URL('../target/release/loyalty', import.meta.url).pathname;
const program = JSON.parse(readFileSync(new URL('../examples/programs/retail.json', import.meta.url), 'utf8'));
const folder = mkdtempSync(join(tmpdir(), 'loyalty-callgrind-'));

/** A request for a silver customer redeeming points on a cart of `count` lines in three categories. */
function request(count) {
  const lines = Array.from({ length: count }, (_, i) => ({
    sku: `SKU-${String(i).padStart(4, '0')}`,
    category: ['grocery', 'coffee', 'toys'][i % 3],
    unit_price: `${((i * 37) % 500) + 1}.${String(i % 100).padStart(2, '0')}`,
    quantity: (i % 3) + 1,
  }));
  return {
    program,
    customer: { tier: 'silver', points: [{ points: 5000, earned: '2026-03-01' }] },
    cart: { date: '2026-11-22', lines, redeem_points: 300 },
  };
}

/** Instructions executed by `loyalty quote` on a cart of `count` lines. */
export function instructions(count, binary = command) {
  const file = join(folder, `quote-${count}.json`);
  writeFileSync(file, JSON.stringify(request(count)));
  const run = spawnSync(
    'valgrind',
    ['--tool=callgrind', `--callgrind-out-file=${join(folder, `callgrind-${count}.out`)}`, binary, 'quote', file],
    { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const collected = /Collected : (\d+)/.exec(run.stderr ?? '');
  if (!collected) throw new Error(`callgrind gave no count: ${run.error ?? run.stderr}`);
  return Number(collected[1]);
}

/** The bench binary of benches/projection.rs, built if need be. */
function projectionBench() {
  const built = spawnSync('cargo', ['bench', '--quiet', '--features', 'cli', '--bench', 'projection', '--no-run', '--message-format=json'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  const executable = built.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line))
    .find((message) => message.reason === 'compiler-artifact' && message.target?.name === 'projection' && message.executable)?.executable;
  if (!executable) throw new Error('cargo built no projection bench');
  return executable;
}

/**
 * Instructions a customer-month costs under callgrind, counting only the function that does the
 * months (`forecast_with` for 2,000 customers × 24 months of examples/programs/retail.json, or
 * `project_with` for 100 projections of 60 months), so that reading the request is left out.
 */
export function monthInstructions(kind, binary = projectionBench()) {
  const [count, months, inside] = kind === 'forecast' ? [2000, 24, 'forecast_with'] : [100, 60, 'project_with'];
  const run = spawnSync(
    'valgrind',
    ['--tool=callgrind', `--callgrind-out-file=${join(folder, `callgrind-${kind}.out`)}`, `--toggle-collect=*${inside}*`, binary],
    { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BENCH_CALLGRIND: `${kind}:${count}` } },
  );
  const collected = /Collected : (\d+)/.exec(run.stderr ?? '');
  if (!collected) throw new Error(`callgrind gave no count: ${run.error ?? run.stderr}`);
  return Number(collected[1]) / (count * months);
}

/**
 * Instructions a row of `loyalty simulate` costs under callgrind: a date-sorted history of 200,000
 * rows (50,000 customers, the bench's generator) through examples/programs/retail.json, counting
 * only `simulate` itself, so that writing the history is left out.
 */
export function rowInstructions(binary = projectionBench()) {
  const rows = 200000;
  const run = spawnSync(
    'valgrind',
    ['--tool=callgrind', `--callgrind-out-file=${join(folder, 'callgrind-simulate.out')}`, '--toggle-collect=*csv_file*simulate*', binary],
    { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BENCH_CALLGRIND: `simulate:${rows}` } },
  );
  const collected = /Collected : (\d+)/.exec(run.stderr ?? '');
  if (!collected) throw new Error(`callgrind gave no count: ${run.error ?? run.stderr}`);
  return Number(collected[1]) / rows;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const one = instructions(1);
  const many = instructions(200);
  const millions = (n) => (n / 1e6).toFixed(2);
  console.log(`loyalty quote under callgrind: 1 line ${millions(one)} M instructions, 200 lines ${millions(many)} M`);
  console.log(`  199 more lines: ${millions(many - one)} M (${Math.round((many - one) / 199)} a line; target ≤ 1.10 M, aim ≤ 0.50 M)`);
  const bench = projectionBench();
  console.log(`portfolio forecast, retail: ${Math.round(monthInstructions('forecast', bench))} instructions a customer-month (target ≤ 300, aim ≤ 100)`);
  console.log(`projection of one customer, 60 months: ${Math.round(monthInstructions('projection', bench))} instructions a customer-month`);
  console.log(`simulate, 200,000 date-sorted rows: ${Math.round(rowInstructions(bench))} instructions a row`);
}

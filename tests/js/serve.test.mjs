// The demo server (scripts/serve.mjs) under hostile requests: malformed targets get a 400, only the
// served folders are reachable, other methods get a 405, no request stops it, and its memory stays
// flat over a bounded soak. Requests go over raw sockets to 127.0.0.1, so that no client
// normalises `..`, percent-encoding or NUL bytes before the server sees them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { NO_WASM_CSP, STRICT_CSP, startServer } from '../../scripts/serve.mjs';

// A repository-like root in which every file that must not be served exists and says SECRET, so
// that a 404 means "refused", not "missing".
const INDEX = '<!doctype html><html lang="en"><title>Demo</title></html>\n';
const SERVED = {
  'www/index.html': INDEX,
  'www/demo.css': 'body { margin: 0 }\n',
  'www/loyalty.js': 'export const loaded = true;\n',
  'www/sub/index.html': INDEX,
  'pkg/loyalty_core_bg.wasm': '\0asm\x01\0\0\0',
  'examples/programs/retail.json': '{"id": "retail"}\n',
  'schema/program.schema.json': '{"type": "object"}\n',
  'docs/notes.md': '# Notes\n',
};
const SECRETS = {
  '.git/config': 'SECRET git config\n',
  '.env': 'SECRET env\n',
  'target/debug/build.log': 'SECRET build\n',
  'node_modules/dep/index.js': 'SECRET dependency\n',
  'fixtures/quotes/a.json': 'SECRET fixture\n',
  'scripts/serve.mjs': 'SECRET script\n',
  'Cargo.toml': 'SECRET manifest\n',
  'secret.txt': 'SECRET outside\n',
  'www/.hidden': 'SECRET dot-file\n',
};

let root;
let server;
let port;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'serve-test-'));
  for (const [path, text] of Object.entries({ ...SERVED, ...SECRETS })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  symlinkSync('../secret.txt', join(root, 'www/leak.txt')); // a file outside the served folders
  symlinkSync('../target', join(root, 'www/leaked-dir')); // a folder outside them
  symlinkSync('loop', join(root, 'www/loop')); // a link to itself: realpath throws ELOOP
  server = await startServer({ port: 0, root });
  port = server.address().port;
});

after(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

/** The bytes of one HTTP/1.1 request; `target` is sent exactly as given. */
function requestBytes(method, target, { body = '' } = {}) {
  const length = body ? `content-length: ${body.length}\r\n` : '';
  return Buffer.from(`${method} ${target} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n${length}\r\n${body}`, 'latin1');
}

/**
 * Sends raw bytes and reads the whole response: { status, headers, body }, or { error } on a reset
 * or when the server stays silent (so that a test fails instead of hanging).
 */
function send(bytes, toPort = port) {
  return new Promise((resolve) => {
    const socket = connect(toPort, '127.0.0.1');
    const chunks = [];
    socket.setTimeout(10_000, () => {
      resolve({ error: 'no answer' });
      socket.destroy();
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) => resolve({ error: error.code }));
    socket.on('close', () => resolve(parseResponse(Buffer.concat(chunks))));
    socket.write(bytes);
  });
}

function parseResponse(bytes) {
  const end = bytes.indexOf('\r\n\r\n');
  if (end === -1) return { status: null, error: 'closed without an answer', headers: {}, body: '' };
  const [statusLine, ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const headers = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: bytes.subarray(end + 4).toString('latin1') };
}

const get = (target) => send(requestBytes('GET', target));

async function assertStillServing() {
  const response = await get('/www/index.html');
  assert.equal(response.status, 200, 'the server no longer answers /www/index.html');
  assert.equal(response.body, INDEX);
}

const MALFORMED = [
  '/%E0%A4%A', // the request: decodeURIComponent throws
  '/www/%', '/www/%zz', '/www/index%2.html', '/www/%C0%AF', '/www/%ED%A0%80', // bad or invalid UTF-8
  '/www/%00', '/www/index.html%00.js', // an encoded NUL
  '/www/\0index.html', // a raw NUL, refused by Node's parser
  `/www/${'a'.repeat(3000)}`, // over the server's own limit
  `/www/${'a'.repeat(64 * 1024)}`, // over Node's 16 KB limit for a request head
];

test('malformed requests get a 400 with a short text body, and the server keeps serving', async () => {
  for (const target of MALFORMED) {
    const response = await get(target);
    const shown = JSON.stringify(target.slice(0, 40));
    assert.equal(response.status, 400, shown);
    assert.match(response.headers['content-type'], /^text\/plain/, shown);
    assert.equal(response.headers['x-content-type-options'], 'nosniff', shown);
    assert.ok(response.body.length > 0 && response.body.length < 100, `${shown}: ${response.body}`);
    await assertStillServing();
  }
});

const REFUSED = [
  '/.git/config', '/.git/', '/.env', '/target/', '/target/debug/build.log', '/node_modules/dep/index.js',
  '/fixtures/quotes/a.json', '/scripts/serve.mjs', '/Cargo.toml', '/secret.txt',
  '/www/.hidden', '/www/%2ehidden', '/www/./index.html',
  // `..`, raw and encoded, alone and with an encoded slash
  '/www/../secret.txt', '/www/../../../../etc/passwd', '/pkg/../.git/config', '/www/%2e%2e/secret.txt',
  '/www/%2E%2E/secret.txt', '/www/.%2e/secret.txt', '/www/..%2fsecret.txt', '/www/..%2Fsecret.txt',
  '/www%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/www/..\\secret.txt', '//etc/passwd', '/www/sub/../../secret.txt',
  // symlinks that lead out of www/
  '/www/leak.txt', '/www/leaked-dir/debug/build.log', '/www/leaked-dir/',
];

test('only the served folders are reachable: dot-files, `..` and symlinks out of them are a 404', async () => {
  // The links work on disk, so a 404 below is the server refusing them.
  assert.match(readFileSync(join(root, 'www/leak.txt'), 'utf8'), /SECRET/);
  assert.match(readFileSync(join(root, 'www/leaked-dir/debug/build.log'), 'utf8'), /SECRET/);
  for (const target of REFUSED) {
    const response = await get(target);
    assert.equal(response.status, 404, target);
    assert.doesNotMatch(response.body, /SECRET/, target);
    assert.equal(response.headers['x-content-type-options'], 'nosniff', target);
    await assertStillServing();
  }
  for (const [path, text] of Object.entries(SERVED)) {
    const response = await get(`/${path}`);
    assert.equal(response.status, 200, path);
    assert.equal(response.body, text, path);
  }
  assert.equal((await get('/www/sub/')).body, INDEX);
  assert.equal((await get('/www/%69ndex.html')).body, INDEX); // percent-encoding is decoded
  const folder = await get('/www/sub');
  assert.equal(folder.status, 301);
  assert.equal(folder.headers.location, '/www/sub/');
  const home = await get('/');
  assert.equal(home.status, 302);
  assert.equal(home.headers.location, '/www/index.html');
});

test('GET and HEAD are answered; any other method gets a 405 with an Allow header', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    const response = await send(requestBytes(method, '/www/index.html', { body: method === 'OPTIONS' ? '' : 'hello' }));
    assert.equal(response.status, 405, method);
    assert.equal(response.headers.allow, 'GET, HEAD', method);
    await assertStillServing();
  }
  const head = await send(requestBytes('HEAD', '/www/index.html'));
  assert.equal(head.status, 200);
  assert.equal(head.headers['content-length'], String(INDEX.length));
  assert.equal(head.body, '');
});

test('headers: nosniff on everything, the CSP on HTML, CORS on the widget\'s files only', async () => {
  const headersOf = async (target) => (await get(target)).headers;
  const page = await headersOf('/www/index.html');
  assert.equal(page['content-security-policy'], STRICT_CSP);
  assert.equal((await headersOf('/www/index.html?csp=nowasm'))['content-security-policy'], NO_WASM_CSP);
  for (const target of ['/www/loyalty.js', '/pkg/loyalty_core_bg.wasm', '/examples/programs/retail.json', '/schema/program.schema.json']) {
    assert.equal((await headersOf(target))['access-control-allow-origin'], '*', target);
  }
  for (const target of ['/www/index.html', '/www/demo.css', '/docs/notes.md', '/www/missing.js', '/.git/config']) {
    assert.equal((await headersOf(target))['access-control-allow-origin'], undefined, target);
  }
  for (const target of ['/www/index.html', '/www/demo.css', '/www/loyalty.js', '/pkg/loyalty_core_bg.wasm', '/www/missing.js']) {
    assert.equal((await headersOf(target))['x-content-type-options'], 'nosniff', target);
  }
  assert.equal((await headersOf('/pkg/loyalty_core_bg.wasm'))['content-type'], 'application/wasm');
  assert.match((await headersOf('/www/loyalty.js'))['content-type'], /^text\/javascript/);
});

test('on the repository itself, the pages\' files are served with their headers, and nothing else is', async () => {
  const repository = await startServer({ port: 0 }); // the default root, as the demo and the browser tests use
  const fromRepository = (target) => send(requestBytes('GET', target), repository.address().port);
  try {
    const page = await fromRepository('/www/demo/checkout.html');
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-security-policy'], STRICT_CSP);
    assert.equal(page.headers['access-control-allow-origin'], undefined);
    for (const target of ['/pkg/loyalty.js', '/www/elements/loyalty-checkout.js', '/pkg/loyalty_core_bg.wasm', '/examples/programs/retail.json', '/schema/program.schema.json']) {
      const response = await fromRepository(target);
      assert.equal(response.status, 200, target);
      assert.equal(response.headers['access-control-allow-origin'], '*', target);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', target);
    }
    assert.equal((await fromRepository('/pkg/loyalty_core_bg.wasm')).headers['content-type'], 'application/wasm');
    // The demo's old addresses, from before www/ had folders, lead to where the files are now.
    for (const [target, location] of [['/www/checkout.html?program=kasboutik&locale=ru', '/www/demo/checkout.html?program=kasboutik&locale=ru'],
      ['/www/index.html', '/www/demo/index.html'], ['/www/loyalty-checkout.js', '/www/elements/loyalty-checkout.js'], ['/www/i18n-ka.js', '/www/i18n/i18n-ka.js']]) {
      const moved = await fromRepository(target);
      assert.equal(moved.status, 301, target);
      assert.equal(moved.headers.location, location, target);
    }
    assert.equal((await fromRepository('/www/missing.html')).status, 404);
    // All of these exist in the repository (node_modules through a symlink in a worktree).
    for (const target of ['/README.md', '/Cargo.toml', '/package.json', '/.gitignore', '/scripts/serve.mjs', '/src/lib.rs',
      '/tests/js/serve.test.mjs', '/fixtures/', '/node_modules/playwright-core/package.json', '/www/../README.md']) {
      assert.equal((await fromRepository(target)).status, 404, target);
    }
  } finally {
    await new Promise((resolve) => repository.close(resolve));
  }
});

test('an error while answering (a symlink loop) is a 500, and the server keeps serving', async () => {
  const response = await get('/www/loop');
  assert.equal(response.status, 500);
  assert.equal(response.body, 'internal error\n');
  await assertStillServing();
});

test('the demo command itself outlives the issue\'s request that used to stop it', async () => {
  const demo = spawn(process.execPath, [fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url))], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const demoPort = await new Promise((resolve, reject) => {
      let printed = '';
      demo.stdout.on('data', (chunk) => {
        printed += chunk;
        const address = /All demos: http:\/\/127\.0\.0\.1:(\d+)\//.exec(printed);
        if (address) resolve(Number(address[1]));
      });
      demo.on('exit', (code) => reject(new Error(`the demo server exited (${code}) before printing its address`)));
    });
    for (const [target, status] of [['/%E0%A4%A', 400], ['/www/%00', 400], ['/.git/config', 404], ['/www/../Cargo.toml', 404]]) {
      const response = await send(requestBytes('GET', target), demoPort);
      assert.equal(response.status, status, `${target}: ${response.error ?? ''}`);
    }
    assert.equal(demo.exitCode, null, 'the demo server exited');
    assert.equal((await send(requestBytes('GET', '/www/demo/index.html'), demoPort)).status, 200);
  } finally {
    demo.kill();
  }
});

/** Waits, a bounded number of turns, until the server holds no connection; returns how many remain. */
async function openConnections() {
  let count = 0;
  for (let turn = 0; turn < 200; turn += 1) {
    count = await new Promise((resolve, reject) => server.getConnections((error, n) => (error ? reject(error) : resolve(n))));
    if (count === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return count;
}

/** Connects, sends a part of a request (or nothing), and drops the connection. */
function dropConnection(partial) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      if (partial) socket.write(partial);
      resolve(socket);
    });
    socket.on('error', () => {});
  });
}

test('200 concurrent connections opened and dropped leave the server serving, and holding none', async () => {
  const partials = ['', 'GET /www/ind', 'GET /www/index.html HTTP/1.1\r\nhost: 127.0.0.1\r\n', requestBytes('GET', '/pkg/loyalty_core_bg.wasm')];
  const sockets = await Promise.all(Array.from({ length: 200 }, (_, i) => dropConnection(partials[i % partials.length])));
  assert.equal(sockets.length, 200);
  for (const socket of sockets) socket.destroy();
  await assertStillServing();
  assert.equal(await openConnections(), 0);
});

// The soak: a fixed mix of valid and hostile requests, 10,000 in all, 16 at a time.
const VALID = [
  { bytes: requestBytes('GET', '/www/index.html'), body: INDEX },
  { bytes: requestBytes('GET', '/examples/programs/retail.json'), body: SERVED['examples/programs/retail.json'] },
  { bytes: requestBytes('HEAD', '/pkg/loyalty_core_bg.wasm'), body: '' },
];
const HOSTILE = [
  ...MALFORMED.filter((target) => target.length < 20_000).map((target) => ({ bytes: requestBytes('GET', target), statuses: [400] })),
  { bytes: requestBytes('GET', `/www/${'b'.repeat(20_000)}`), statuses: [400] },
  ...REFUSED.map((target) => ({ bytes: requestBytes('GET', target), statuses: [404] })),
  { bytes: requestBytes('POST', '/www/index.html', { body: 'x'.repeat(1000) }), statuses: [405] },
  { bytes: requestBytes('DELETE', '/.git/config'), statuses: [405] },
  { bytes: requestBytes('GET', '/www/loop'), statuses: [500] },
  { drop: 'GET /www/index.html HTTP/1.1\r\n' },
];

function gc() {
  setFlagsFromString('--expose-gc');
  runInNewContext('gc')();
}

/** The server's heap and buffers after a full collection (it runs in this process). */
function memoryAfterGc() {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

test('a soak of 10,000 mixed requests: every valid one is answered and memory stays flat', { timeout: 300_000 }, async () => {
  const TOTAL = 10_000;
  const WARM_UP = 2_000;
  const CONCURRENCY = 16;
  let next = 0;
  let validSent = 0;
  let validAnswered = 0;
  const wrong = [];
  let warmMemory = null;
  const originalError = console.error;
  console.error = () => {}; // the symlink loop's 500 logs on every visit

  async function worker() {
    while (next < TOTAL) {
      const index = next;
      next += 1;
      if (index === WARM_UP) warmMemory = memoryAfterGc();
      // Valid and hostile requests alternate, so that each kind is half of the soak.
      const item = index % 2 === 0 ? VALID[(index / 2) % VALID.length] : HOSTILE[((index - 1) / 2) % HOSTILE.length];
      if (item.drop) {
        (await dropConnection(item.drop)).destroy();
        continue;
      }
      const response = await send(item.bytes);
      if ('body' in item) {
        validSent += 1;
        if (response.status === 200 && response.body === item.body) validAnswered += 1;
        else wrong.push(`${item.bytes.subarray(0, 40)} → ${response.status ?? response.error}`);
      } else if (!item.statuses.includes(response.status)) {
        wrong.push(`${item.bytes.subarray(0, 40)} → ${response.status ?? response.error}`);
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    console.error = originalError;
  }
  assert.deepEqual(wrong.slice(0, 10), []);
  assert.equal(validSent, TOTAL / 2, 'valid requests sent');
  assert.equal(validAnswered, validSent);
  assert.equal(await openConnections(), 0);
  await assertStillServing();
  const grown = memoryAfterGc() - warmMemory;
  // Flat is within a few hundred KB; a leak of 200 bytes a request would add 1.6 MB after the warm-up.
  assert.ok(grown < 1024 * 1024, `memory grew by ${(grown / 1024 / 1024).toFixed(1)} MB after the warm-up`);
});

// A small static server for the demo and the browser tests. It serves the repository root and
// sends HTML pages with the strict Content Security Policy a shop would use (see the README).
// `?csp=nowasm` on a page drops 'wasm-unsafe-eval', to show the widget's fallback.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types 'none'";
export const NO_WASM_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

export function startServer({ port = 8080, host = '127.0.0.1', root = fileURLToPath(new URL('..', import.meta.url)) } = {}) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const file = (await stat(path)).isDirectory() ? join(path, 'index.html') : path;
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (extname(file) === '.html') {
        headers['content-security-policy'] = url.searchParams.get('csp') === 'nowasm' ? NO_WASM_CSP : STRICT_CSP;
      }
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  const server = await startServer({ port });
  const { port: bound } = server.address();
  console.log(`Demo shop: http://127.0.0.1:${bound}/www/checkout.html`);
  console.log(`Your tier: http://127.0.0.1:${bound}/www/tier.html`);
  console.log(`Offer explorer: http://127.0.0.1:${bound}/www/explorer.html`);
  console.log(`All demos: http://127.0.0.1:${bound}/www/index.html`);
  console.log('Press Ctrl+C to stop.');
}

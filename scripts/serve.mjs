// A small static server for the demo and the browser tests. It serves only the folders the pages
// load, answers GET and HEAD, and sends the headers a shop's CDN would (see "Serving the widget
// from a CDN" in docs/embedding.md): HTML pages get the strict Content Security Policy a shop would use,
// the widget's files get CORS, everything gets nosniff. `?csp=nowasm` on a page drops
// 'wasm-unsafe-eval', to show the widget's fallback. No request can stop it: a malformed one gets
// a 400, and an error while answering gets a 500.
import { createServer } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
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
  '.md': 'text/markdown; charset=utf-8',
};

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types 'none'";
export const NO_WASM_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

/** The top-level folders the pages and the browser tests load from; nothing else is served. */
const SERVED_FOLDERS = ['www', 'pkg', 'examples', 'schema', 'docs'];

/** Longer request targets get a 400; Node's parser itself refuses request heads over 16 KB. */
const MAX_TARGET_LENGTH = 2048;

const ALLOWED_METHODS = 'GET, HEAD';

/**
 * www/ keeps its files in these folders; a page or module that sat in www/ itself before
 * (`/www/checkout.html`, `/www/loyalty.min.js`…) is redirected to where it lies now.
 */
const WWW_FOLDERS = ['demo', 'elements', 'i18n', 'build'];

/** The widget's files, which a shop's page on another origin loads: modules, Wasm, programs, schema. */
function isWidgetFile(folder, extension) {
  if (['.js', '.mjs', '.wasm'].includes(extension)) return true;
  return extension === '.json' && (folder === 'examples' || folder === 'schema');
}

/** The request target as decoded path segments and a query, or null when it is malformed. */
function parseTarget(target) {
  if (!target.startsWith('/') || target.length > MAX_TARGET_LENGTH) return null;
  const queryStart = target.indexOf('?');
  const rawPath = queryStart === -1 ? target : target.slice(0, queryStart);
  let path;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null; // bad percent-encoding
  }
  if (path.includes('\0')) return null;
  const query = new URLSearchParams(queryStart === -1 ? '' : target.slice(queryStart + 1));
  return { rawPath, segments: path.split('/').slice(1), query };
}

const NOT_FOUND_CODES = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG']);

/**
 * The real path of the file that `segments` name, or null when it is not one to serve: outside the
 * served folders, a dot-file or `..`, not a regular file, or a symlink leading out of its folder.
 * A directory is `{ directory: true }`, so that the caller can serve its index.html.
 */
async function resolveFile(root, segments) {
  const [folder, ...rest] = segments;
  if (!SERVED_FOLDERS.includes(folder) || rest.some((segment) => segment.startsWith('.'))) return null;
  try {
    const folderPath = await realpath(join(root, folder));
    const path = await realpath(join(folderPath, ...rest));
    if (path !== folderPath && !path.startsWith(folderPath + sep)) return null;
    const stats = await stat(path);
    if (stats.isDirectory()) return { directory: true };
    return stats.isFile() ? { path, folder } : null;
  } catch (error) {
    if (NOT_FOUND_CODES.has(error.code)) return null;
    throw error; // a symlink loop or a permission problem is the server's fault: a 500
  }
}

function sendText(response, status, text, headers = {}) {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  response.end(text);
}

async function answer(root, request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'method not allowed\n', { Allow: ALLOWED_METHODS });
    return;
  }
  const target = parseTarget(request.url);
  if (!target) {
    sendText(response, 400, 'bad request\n');
    return;
  }
  if (target.rawPath === '/') {
    sendText(response, 302, 'see /www/index.html\n', { Location: '/www/index.html' });
    return;
  }
  let file = await resolveFile(root, target.segments);
  if (file?.directory) {
    // Relative links in a folder's index.html need the trailing slash.
    if (!target.rawPath.endsWith('/')) {
      sendText(response, 301, 'moved\n', { Location: `${target.rawPath}/` });
      return;
    }
    file = await resolveFile(root, [...target.segments, 'index.html']);
  }
  if (!file && target.segments.length === 2 && target.segments[0] === 'www') {
    const name = target.segments[1];
    for (const folder of WWW_FOLDERS) {
      const moved = await resolveFile(root, ['www', folder, name]);
      if (moved && !moved.directory) {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const location = `/www/${folder}/${encodeURIComponent(name)}${query}`;
        sendText(response, 301, `moved to ${location}\n`, { Location: location });
        return;
      }
    }
  }
  if (!file || file.directory) {
    sendText(response, 404, 'not found\n');
    return;
  }
  const body = await readFile(file.path);
  const extension = extname(file.path);
  const headers = {
    'Content-Type': TYPES[extension] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'X-Content-Type-Options': 'nosniff',
    // The demo's file names are not versioned, so nothing may be cached (a CDN would cache them).
    'Cache-Control': 'no-store',
  };
  if (extension === '.html') {
    headers['Content-Security-Policy'] = target.query.get('csp') === 'nowasm' ? NO_WASM_CSP : STRICT_CSP;
  }
  if (isWidgetFile(file.folder, extension)) {
    // Public files fetched without credentials, so any shop's origin may load them.
    headers['Access-Control-Allow-Origin'] = '*';
  }
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** A 400 for what Node's HTTP parser refuses (a NUL or a space in the path, a head over 16 KB…). */
function refuseMalformed(error, socket) {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, text] = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? ['408 Request Timeout', 'request timeout\n'] : ['400 Bad Request', 'bad request\n'];
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${text.length}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${text}`);
}

export function startServer({ port = 8080, host = '127.0.0.1', root = fileURLToPath(new URL('..', import.meta.url)) } = {}) {
  const server = createServer((request, response) => {
    // The catch-all: whatever goes wrong while answering, the server goes on serving.
    answer(root, request, response).catch((error) => {
      console.error(`serve: ${request.method} ${request.url}: ${error?.stack ?? error}`);
      if (response.headersSent) response.destroy();
      else sendText(response, 500, 'internal error\n');
    });
  });
  server.on('clientError', refuseMalformed);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  const server = await startServer({ port });
  const { port: bound } = server.address();
  console.log(`Demo shop: http://127.0.0.1:${bound}/www/demo/checkout.html`);
  console.log(`Your tier: http://127.0.0.1:${bound}/www/demo/tier.html`);
  console.log(`Offer explorer: http://127.0.0.1:${bound}/www/demo/explorer.html`);
  console.log(`All demos: http://127.0.0.1:${bound}/www/demo/index.html`);
  console.log('Press Ctrl+C to stop.');
}

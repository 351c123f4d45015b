import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xml; charset=utf-8',
};

function fileFor(root: string, pathname: string): string | undefined {
  const path = normalize(join(root, decodeURIComponent(pathname)));
  if (!path.startsWith(root)) return undefined;
  for (const candidate of [path, join(path, 'index.html')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

/**
 * Serves a built site folder on 127.0.0.1 the way a plain static host does (folders answer
 * with their index.html, unknown paths with 404.html, text gzipped when the browser asks, as
 * nginx's `gzip on` does), for browser tests and the benchmark on sites built outside the
 * shared test build, so transfer sizes are what a reader would download. Resolves to the
 * server and its address.
 */
export function serveStatic(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = fileFor(root, pathname);
    const status = file ? 200 : 404;
    const body = file ?? fileFor(root, '/404.html');
    const type = TYPES[extname(body ?? '')];
    // Pagefind's own index files are gzipped already; text is compressed on the fly.
    const gzip = type !== undefined && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(status, {
      'Content-Type': type ?? 'application/octet-stream',
      ...(gzip && { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' }),
    });
    if (!body) response.end('Not found');
    else if (gzip) createReadStream(body).pipe(createGzip()).pipe(response);
    else createReadStream(body).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as sent, not decompressed. */
  body: Buffer;
}

/**
 * A site path as it goes on the wire: characters outside ASCII (an Arabic section's address,
 * say) percent-encoded as UTF-8, everything else left exactly as given (`..`, `%2f`).
 *
 * @example
 * wirePath('/ar/sections/ثقافة/'); // "/ar/sections/%D8%AB%D9%82%D8%A7%D9%81%D8%A9/"
 * wirePath('/a/%2e%2e/b'); // "/a/%2e%2e/b"
 */
export function wirePath(path: string): string {
  return path.replace(/[^\x00-\x7f]+/gu, (run) => encodeURIComponent(run));
}

/**
 * One GET with the path sent exactly as given (non-ASCII characters percent-encoded, see {@link wirePath}) (no normalising of `..` or `%2f`, unlike
 * fetch) and the body left as the server encoded it.
 */
export function rawGet(base: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: wirePath(path), method: 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** One GET over HTTPS, accepting the test server's self-signed certificate; the body is dropped. */
export function httpsGet(base: string, path: string): Promise<Omit<RawResponse, 'body'>> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { host: hostname, port, path: wirePath(path), rejectUnauthorized: false, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

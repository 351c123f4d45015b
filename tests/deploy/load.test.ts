/**
 * A bounded load run on the loopback: a fixed number of requests at a fixed concurrency,
 * over every page and feed of the site, with keep-alive and compression as a browser asks.
 * It stops by itself, must see no error, and reports requests per second (also written to
 * tests/.artifacts/deploy/load.json). Throughput targets belong to the benchmark, not here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { wirePath } from '../helpers/net';
import { baseUrl, builtFiles, pagePaths } from '../helpers/site';

const REQUESTS = 4_000;
const CONCURRENCY = 16;

interface Result {
  status: number;
  bytes: number;
  error?: string;
}

describe('loopback load run', () => {
  it(`answers ${REQUESTS} requests at ${CONCURRENCY} at a time with no error`, async () => {
    const { hostname, port } = new URL(baseUrl());
    expect(hostname).toBe('127.0.0.1');
    const paths = [...pagePaths(), ...builtFiles('.xml')];
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const get = (path: string) =>
      new Promise<Result>((resolve) => {
        const req = request(
          {
            host: hostname,
            port,
            path: wirePath(path),
            agent,
            headers: { 'accept-encoding': 'br, gzip' },
            timeout: 10_000,
          },
          (res) => {
            let bytes = 0;
            res.on('data', (chunk: Buffer) => (bytes += chunk.length));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
            res.on('error', (error) => resolve({ status: 0, bytes, error: error.message }));
          },
        );
        req.on('timeout', () => req.destroy(new Error('timed out after 10 s')));
        req.on('error', (error) => resolve({ status: 0, bytes: 0, error: error.message }));
        req.end();
      });

    const results: Result[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
          const path = paths[next++ % paths.length] as string;
          results.push(await get(path));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();

    const errors = results.filter((result) => result.error || result.status !== 200);
    const report = {
      requests: results.length,
      concurrency: CONCURRENCY,
      distinctPaths: paths.length,
      seconds: Number(seconds.toFixed(3)),
      requestsPerSecond: Math.round(results.length / seconds),
      bytes: results.reduce((sum, result) => sum + result.bytes, 0),
      errors: errors.length,
    };
    const out = fileURLToPath(new URL('../.artifacts/deploy/', import.meta.url));
    mkdirSync(out, { recursive: true });
    writeFileSync(`${out}load.json`, `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `load run: ${report.requests} requests, ${CONCURRENCY} at a time, in ${report.seconds} s: ` +
        `${report.requestsPerSecond} requests/s, ${report.errors} errors`,
    );
    expect(results).toHaveLength(REQUESTS);
    expect(errors.slice(0, 5)).toEqual([]);
  });
});

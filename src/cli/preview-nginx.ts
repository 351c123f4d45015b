/**
 * npm run preview:nginx: serves dist/ through the machine's nginx with deploy/nginx.conf on
 * http://localhost:4322 (PORT overrides), in the foreground, until Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HEADER_FILES } from '../integrations/deploy.ts';
import { NginxMissingError, startNginx } from './nginx-server.ts';

const USAGE = `Usage: npm run preview:nginx [-- --dir FOLDER]

Serves the built site through nginx with deploy/nginx.conf, as the current user, from a
temporary prefix, on http://localhost:4322 (set PORT for another port). Build first with
npm run build.

Options:
  --dir FOLDER   the built site (default: dist)
  --help         show this help`;

const { values } = parseArgs({
  options: { dir: { type: 'string', default: 'dist' }, help: { type: 'boolean', default: false } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(process.env.PORT ?? 4322);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`preview:nginx: PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(2);
}
const siteDir = resolve(values.dir);
if (!existsSync(`${siteDir}/${HEADER_FILES.nginx}`)) {
  console.error(`preview:nginx: ${siteDir} is not a built site (no ${HEADER_FILES.nginx}); run npm run build first.`);
  process.exit(1);
}
// localhost is both loopbacks where the machine has IPv6.
const ipv6 = Object.values(networkInterfaces()).some((list) => list?.some((entry) => entry.address === '::1'));
try {
  const nginx = await startNginx({
    siteDir,
    port,
    addresses: ipv6 ? ['127.0.0.1', '[::1]'] : ['127.0.0.1'],
    echo: true,
  });
  console.log(
    `nginx serves ${siteDir} on http://localhost:${port}/ ${nginx.brotli ? '(gzip and Brotli)' : '(gzip; no Brotli module)'}; Ctrl-C stops it.`,
  );
  const stop = () => void nginx.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  nginx.process.once('exit', (code) => {
    console.error(`nginx stopped (exit ${code}).`);
    process.exit(code ?? 1);
  });
} catch (error) {
  console.error(`preview:nginx: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof NginxMissingError ? 127 : 1);
}

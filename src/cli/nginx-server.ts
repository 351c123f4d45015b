/**
 * Starts and stops nginx with deploy/nginx.conf on a built site, from a temporary prefix,
 * as the current user: for `npm run preview:nginx` and `npm run test:deploy`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NGINX_INSTALL, nginxBuild, previewConfig, type PreviewOptions } from '../lib/nginx.ts';

/** deploy/nginx.conf in this repository. */
export const SITE_CONF = fileURLToPath(new URL('../../deploy/nginx.conf', import.meta.url));

/** nginx is not installed (or not where it can be found). */
export class NginxMissingError extends Error {}

const HOW_TO_INSTALL =
  `On Debian or Ubuntu, as root:\n  apt-get update && ${NGINX_INSTALL}\n` +
  'or set NGINX to the path of an nginx binary.';

/** The nginx binary: `NGINX` if set, else the first on PATH or in the usual sbin folders. */
export function findNginx(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NGINX) {
    if (!existsSync(env.NGINX)) {
      throw new NginxMissingError(`NGINX is set to ${env.NGINX}, which does not exist. ${HOW_TO_INSTALL}`);
    }
    return env.NGINX;
  }
  const folders = [...(env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/local/nginx/sbin'];
  const found = folders
    .filter(Boolean)
    .map((folder) => join(folder, 'nginx'))
    .find((path) => existsSync(path));
  if (!found) {
    throw new NginxMissingError(`nginx is not installed. ${HOW_TO_INSTALL}`);
  }
  return found;
}

export interface RunningNginx {
  /** e.g. http://127.0.0.1:4322 */
  url: string;
  /** e.g. https://127.0.0.1:4323, when started with a TLS port (self-signed certificate). */
  httpsUrl: string | undefined;
  process: ChildProcess;
  /** The generated nginx.conf. */
  config: string;
  /** Whether brotli_static is active. */
  brotli: boolean;
  /** What nginx wrote to stderr so far. */
  log: () => string;
  /** Stops nginx and removes its temporary prefix. */
  stop: () => Promise<void>;
}

/** Waits until something accepts connections on host:port, or nginx exits, or 15 s pass. */
async function listening(host: string, port: number, nginx: ChildProcess, log: () => string) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited (${nginx.exitCode}) before listening:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host, port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx did not listen on ${host}:${port} within 15 s:\n${log()}`);
}

/**
 * Checks the configuration with `nginx -t`, then runs nginx in the foreground on the site.
 * Its stderr is collected (and echoed when `echo` is set).
 */
export async function startNginx({
  siteDir,
  port,
  addresses = ['127.0.0.1'],
  echo = false,
  tlsPort,
}: {
  siteDir: string;
  port: number;
  addresses?: string[];
  echo?: boolean;
  /** Also serve HTTPS here, with a throwaway self-signed certificate made by openssl. */
  tlsPort?: number;
}): Promise<RunningNginx> {
  const binary = findNginx();
  const version = spawnSync(binary, ['-V'], { encoding: 'utf8' });
  const build = nginxBuild(`${version.stdout}${version.stderr}`);
  const module = join(build.modulesDir, 'ngx_http_brotli_static_module.so');
  const prefix = mkdtempSync(join(tmpdir(), 'wire-nginx-'));
  let tls: PreviewOptions['tls'];
  if (tlsPort !== undefined) {
    tls = { port: tlsPort, certificate: join(prefix, 'cert.pem'), key: join(prefix, 'key.pem') };
    const openssl = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'].concat([
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        tls.key,
        '-out',
        tls.certificate,
      ]),
      { encoding: 'utf8' },
    );
    if (openssl.status !== 0) {
      rmSync(prefix, { recursive: true, force: true });
      throw new Error(`openssl could not make a test certificate: ${openssl.error?.message ?? openssl.stderr}`);
    }
  }
  const options: PreviewOptions = {
    tls,
    siteDir,
    addresses,
    port,
    prefix,
    build,
    brotliModule: existsSync(module) ? module : undefined,
    asRoot: process.getuid?.() === 0,
  };
  const config = previewConfig(readFileSync(SITE_CONF, 'utf8'), options);
  const confFile = join(prefix, 'nginx.conf');
  writeFileSync(confFile, config);
  const args = ['-p', `${prefix}/`, '-c', confFile, '-e', 'stderr'];
  const test = spawnSync(binary, ['-t', '-q', ...args], { encoding: 'utf8' });
  if (test.status !== 0) {
    rmSync(prefix, { recursive: true, force: true });
    throw new Error(`nginx -t rejected the configuration:\n${test.stderr}\n--- ${confFile}\n${config}`);
  }
  let output = '';
  const nginx = spawn(binary, args, { stdio: ['ignore', 'inherit', 'pipe'] });
  nginx.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (echo) process.stderr.write(chunk);
  });
  const log = () => output;
  const exited = new Promise<void>((resolve) => nginx.once('exit', () => resolve()));
  const stop = async () => {
    if (nginx.exitCode === null && nginx.signalCode === null) {
      nginx.kill('SIGTERM');
      await exited;
    }
    rmSync(prefix, { recursive: true, force: true });
  };
  const host = (addresses[0] ?? '127.0.0.1').replace(/^\[|\]$/g, '');
  try {
    await listening(host, port, nginx, log);
  } catch (error) {
    await stop();
    throw error;
  }
  const shown = addresses[0]?.includes(':') ? addresses[0] : host;
  return {
    url: `http://${shown}:${port}`,
    httpsUrl: tls ? `https://${shown}:${tls.port}` : undefined,
    process: nginx,
    config,
    brotli: options.brotliModule !== undefined || build.brotliBuiltIn,
    log,
    stop,
  };
}

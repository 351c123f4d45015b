import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startNginx } from '../../src/cli/nginx-server.ts';
import { HEADER_FILES } from '../../src/integrations/deploy.ts';
import { freePort } from '../helpers/net';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Whether the nginx under test has brotli_static (test:deploy only). */
    nginxBrotli: boolean;
    /** The same site over HTTPS with a self-signed certificate (test:deploy only). */
    httpsUrl: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = fileURLToPath(new URL('../.build/deploy-site/', import.meta.url));
// Kept between runs: the Brotli cache makes a rebuild of unchanged pages fast.
const cacheDir = fileURLToPath(new URL('../.build/deploy-cache/', import.meta.url));

/**
 * Builds the site (or takes the one in DEPLOY_SITE, e.g. `DEPLOY_SITE=dist`), then serves it
 * with the machine's nginx and deploy/nginx.conf on a free 127.0.0.1 port; stops it afterwards.
 */
export default async function setup(project: TestProject) {
  let siteDir = outDir;
  if (process.env.DEPLOY_SITE) {
    siteDir = resolve(root, process.env.DEPLOY_SITE);
    if (!existsSync(`${siteDir}/${HEADER_FILES.nginx}`)) {
      throw new Error(`DEPLOY_SITE=${process.env.DEPLOY_SITE} is not a built site (no ${HEADER_FILES.nginx})`);
    }
  } else {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const env = { ...process.env, WIRE_OUT_DIR: outDir, WIRE_CACHE_DIR: cacheDir };
    const build = spawnSync('npx', ['astro', 'build', '--silent'], { cwd: root, env, encoding: 'utf8' });
    if (build.status !== 0) {
      throw new Error(`astro build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
    }
  }
  project.provide('siteDir', siteDir);
  const nginx = await startNginx({ siteDir, port: await freePort(), tlsPort: await freePort() });
  project.provide('baseUrl', nginx.url);
  project.provide('httpsUrl', nginx.httpsUrl ?? '');
  project.provide('nginxBrotli', nginx.brotli);
  return async () => {
    await nginx.stop();
    const warnings = nginx.log().trim();
    if (warnings) console.warn(`nginx said:\n${warnings}`);
  };
}

import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Flags for a headless Chromium on a machine with no network but loopback. */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const HOW_TO_GET_ONE =
  'Get one with any of:\n' +
  '  - apt-get install -y chromium   (Debian/Ubuntu; found at /usr/bin/chromium)\n' +
  '  - set CHROME_PATH to a Chrome or Chromium binary\n' +
  '  - npm install                   (brings @sparticuz/chromium, a packaged Chromium for Linux x64)';

const SYSTEM_CHROMES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/**
 * Launches Chromium for the browser tests: `CHROME_PATH` when set, else a system Chromium,
 * else the one the npm package @sparticuz/chromium brings with `npm install`. When none can
 * be started, fails with a message that says how to get one; it never skips.
 */
export async function launchBrowser(): Promise<Browser> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && !existsSync(fromEnv)) {
    throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist. ${HOW_TO_GET_ONE}`);
  }
  const system = fromEnv ?? SYSTEM_CHROMES.find((path) => existsSync(path));
  if (system) return chromium.launch({ executablePath: system, args: QUIET_FLAGS });
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    const executablePath = await packaged.executablePath();
    // Its own default flags are for serverless use (one process, web security off): they
    // break multi-context tests, so it gets the same flags as a system Chromium.
    return await chromium.launch({ executablePath, args: QUIET_FLAGS });
  } catch (error) {
    throw new Error(
      `No Chromium could be started for the browser tests. ${HOW_TO_GET_ONE}\n` +
        `Cause: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

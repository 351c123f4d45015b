/**
 * npm's postinstall: applies src/lib/vendor-patch.ts's fixes to the installed packages.
 * A package at another version than a fix is for is left alone, with a warning.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { patchSource, VENDOR_FIXES } from '../lib/vendor-patch.ts';

const modules = resolve(import.meta.dirname, '../../node_modules');
for (const fix of VENDOR_FIXES) {
  const root = join(modules, fix.pkg);
  const manifest = join(root, 'package.json');
  if (!existsSync(manifest)) continue;
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  if (version !== fix.version) {
    console.warn(
      `patch-vendor: ${fix.pkg} is ${version}, the fix "${fix.why}" is for ${fix.version}: not applied. ` +
        'Check whether the new version still needs it (tests/unit/vendor-patch.test.ts), then update or remove it.',
    );
    continue;
  }
  let changed = 0;
  for (const file of fix.files) {
    const path = join(root, file);
    const source = readFileSync(path, 'utf8');
    const patched = patchSource(source, fix.replacements, `${fix.pkg}/${file}`);
    if (patched !== source) {
      writeFileSync(path, patched);
      changed++;
    }
  }
  console.log(`patch-vendor: ${fix.pkg} ${version}: ${fix.why} (${changed} of ${fix.files.length} files changed)`);
}

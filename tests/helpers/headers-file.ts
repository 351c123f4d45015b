import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The rules of a `_headers` file (Netlify, Cloudflare Pages): path pattern to its headers,
 * names in lower case.
 */
export function readHeadersFile(siteDir: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of readFileSync(join(siteDir, '_headers'), 'utf8').split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = {};
      rules.set(line.trim(), current);
      continue;
    }
    const colon = line.indexOf(':');
    if (!current || colon < 0) throw new Error(`_headers: a header line outside a rule, or without a colon: ${line}`);
    current[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** The headers `_headers` gives a path: every rule whose pattern matches it, merged. */
export function headersFileFor(rules: Map<string, Record<string, string>>, path: string): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [pattern, headers] of rules) {
    const matches = pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
    if (matches) Object.assign(merged, headers);
  }
  return merged;
}

/**
 * Cache keys for incremental builds: one key per built page, over everything the page shows.
 *
 * A page is copied from the previous build only when its key and its code are unchanged
 * (Astro's `experimental.incrementalBuild` hashes the code). So the key must change whenever
 * anything the page prints changes: the page's own props (a story, its related stories,
 * a listing's stories and links) and the data every page shares (the section navigation).
 * Rather than pick fields by hand, which goes stale the day a template shows one more, the
 * key is a hash of all of that data, serialised in a stable order.
 *
 * One rule keeps it cheap: accessor properties (getters) are not read. A value that is read
 * lazily, such as a story's text, must be covered by a plain field beside it; a story carries
 * the `digest` of its file for that.
 */
import { createHash } from 'node:crypto';

/**
 * Objects already seen in this process, by the digest of their serialisation, so a story
 * shared by many pages is walked once; and only digests are kept, not serialisations, so
 * the memo stays small when a build keeps 100,000 pages' props alive.
 */
const memo = new WeakMap<object, string>();
/** Serialisations longer than this are stood for by their digest (and remembered). */
const INLINE = 128;

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

function serialise(value: unknown, path: string): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return 'u';
    case 'function':
    case 'symbol':
      throw new TypeError(`cacheKey: ${path} is a ${typeof value}, which cannot be part of a page's cache key`);
  }
  if (value === null) return 'null';
  const object = value as object;
  const known = memo.get(object);
  if (known !== undefined) return known;
  let text: string;
  if (value instanceof Date) text = `D${value.getTime()}`;
  else if (value instanceof URL) text = `U${JSON.stringify(value.href)}`;
  else if (Array.isArray(value)) text = `[${value.map((item, i) => serialise(item, `${path}[${i}]`)).join(',')}]`;
  else if (value instanceof Map) {
    text = `M[${[...value].map(([k, v], i) => `${serialise(k, `${path}.key${i}`)}:${serialise(v, `${path}.${String(k)}`)}`).join(',')}]`;
  } else if (value instanceof Set) text = `S${serialise([...value], path)}`;
  else {
    const prototype = Object.getPrototypeOf(object) as object | null;
    if (prototype !== Object.prototype && prototype !== null) {
      const name = (prototype as { constructor?: { name?: string } }).constructor?.name ?? 'class instance';
      throw new TypeError(
        `cacheKey: ${path} is a ${name}, whose private state a cache key cannot see; pass plain data`,
      );
    }
    const descriptors = Object.getOwnPropertyDescriptors(object);
    const fields = Object.keys(descriptors)
      .filter((key) => descriptors[key]?.enumerable && 'value' in (descriptors[key] as PropertyDescriptor))
      .filter((key) => descriptors[key]?.value !== undefined)
      .sort();
    text = `{${fields.map((key) => `${JSON.stringify(key)}:${serialise(descriptors[key]?.value, `${path}.${key}`)}`).join(',')}}`;
  }
  if (text.length <= INLINE) return text;
  const short = `#${digest(text)}`;
  memo.set(object, short);
  return short;
}

/**
 * The cache key of a page: a SHA-256 over a stable serialisation of everything it shows.
 * Object keys are sorted, so the order fields were set in does not matter; array order does.
 * Dates, URLs, Maps and Sets are keyed by value; fields left `undefined` count as absent;
 * getters are skipped (see the module comment); functions, symbols and class instances
 * (other than those four) are refused, because they would make a key that cannot see a change.
 *
 * Keep objects passed in unchanged after keying them: a digest is remembered per object.
 *
 * @example
 * cacheKey({ story: { id: 'a', title: 'T' }, nav: [] }) === cacheKey({ nav: [], story: { title: 'T', id: 'a' } }); // true
 * cacheKey({ title: 'T' }) === cacheKey({ title: 'U' }); // false
 */
export function cacheKey(shown: unknown): string {
  return digest(serialise(shown, 'page'));
}

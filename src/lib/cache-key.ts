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
 * Objects already seen in this process (unless a caller passes a memo of its own), by the
 * digest of their serialisation, so a story shared by many pages is walked once; and only
 * digests are kept, not serialisations, so the memo stays small when a build keeps 100,000
 * pages' props alive.
 */
const processMemo = new WeakMap<object, string>();
/** The memo of the key being made: {@link processMemo}, or the one its caller passed. */
let memo = processMemo;
/** Serialisations longer than this are stood for by their digest (and remembered). */
const INLINE = 128;

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * A value that cannot be keyed, with where it is: the steps from the page down to it are
 * added as the error passes back up through {@link serialise}, so a key that succeeds
 * builds no path strings at all (at 100,000 stories that was half the time of the keys).
 */
class Unkeyable extends Error {
  readonly steps: string[] = [];
}

/** Calls `serialise` on a part of a value, adding `step` to the path of an error from inside it. */
function part(value: unknown, step: string): string {
  try {
    return serialise(value);
  } catch (error) {
    if (error instanceof Unkeyable) error.steps.unshift(step);
    throw error;
  }
}

/** Object keys as the serialisation writes them, each quoted once per process. */
const quotedKeys = new Map<string, string>();
const quoted = (key: string) => {
  let text = quotedKeys.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, text);
  }
  return text;
};

function serialise(value: unknown): string {
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
      throw new Unkeyable(`a ${typeof value}, which cannot be part of a page's cache key`);
  }
  if (value === null) return 'null';
  const object = value as object;
  const known = memo.get(object);
  if (known !== undefined) return known;
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (let i = 0; i < value.length; i++) text += (i > 0 ? ',' : '') + part(value[i], `[${i}]`);
    text += ']';
  } else if (value instanceof Date) text = `D${value.getTime()}`;
  else if (value instanceof URL) text = `U${JSON.stringify(value.href)}`;
  else if (value instanceof Map) {
    const entries: string[] = [];
    let i = 0;
    for (const [k, v] of value) {
      entries.push(`${part(k, `.key${i}`)}:${part(v, `.${String(k)}`)}`);
      i++;
    }
    text = `M[${entries.join(',')}]`;
  } else if (value instanceof Set) text = `S${serialise([...value])}`;
  else {
    const prototype = Object.getPrototypeOf(object) as object | null;
    if (prototype !== Object.prototype && prototype !== null) {
      const name = (prototype as { constructor?: { name?: string } }).constructor?.name ?? 'class instance';
      throw new Unkeyable(`a ${name}, whose private state a cache key cannot see; pass plain data`);
    }
    // Own enumerable keys in a stable order; a getter is not read, and `undefined` is absent.
    const keys = Object.keys(object).sort();
    text = '{';
    let first = true;
    for (const key of keys) {
      const descriptor = Object.getOwnPropertyDescriptor(object, key);
      if (descriptor === undefined || !('value' in descriptor) || descriptor.value === undefined) continue;
      text += `${first ? '' : ','}${quoted(key)}:${part(descriptor.value, `.${key}`)}`;
      first = false;
    }
    text += '}';
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
 * Keep objects passed in unchanged after keying them: a digest is remembered per object, in
 * `known` when given (a caller that keeps objects longer than this module lives, such as the
 * publisher's builder keeping unchanged stories from build to build, passes a memo it keeps
 * as long), else in a memo of this module's.
 *
 * @example
 * cacheKey({ story: { id: 'a', title: 'T' }, nav: [] }) === cacheKey({ nav: [], story: { title: 'T', id: 'a' } }); // true
 * cacheKey({ title: 'T' }) === cacheKey({ title: 'U' }); // false
 * cacheKey({ title: 'T' }, new WeakMap()); // the same key, remembered in the memo given
 */
export function cacheKey(shown: unknown, known: WeakMap<object, string> = processMemo): string {
  memo = known;
  try {
    return digest(serialise(shown));
  } catch (error) {
    if (!(error instanceof Unkeyable)) throw error;
    throw new TypeError(`cacheKey: page${error.steps.join('')} is ${error.message}`);
  } finally {
    memo = processMemo;
  }
}

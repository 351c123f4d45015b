/** A short stable hash for file names, slugs and made-up item ids. */

/**
 * A short stable hash of a text (FNV-1a, base 36), for file names and slugs that must differ.
 *
 * @example
 * hash('urn:1'); // a few lower-case letters and digits, the same every time
 */
export function hash(text: string): string {
  let value = 0x811c9dc5;
  for (const char of text) {
    value ^= char.codePointAt(0) as number;
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(36);
}

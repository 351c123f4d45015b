/**
 * The agency formats, in one list, and the detection of a file's format from its content
 * (never its name): XML by its root element, JSON by its shape, anything else is plain
 * wire text for src/lib/wire-import.ts.
 */
import { newsml12 } from './newsml12.ts';
import { newsmlg2 } from './newsmlg2.ts';
import { ninjs } from './ninjs.ts';
import { nitf } from './nitf.ts';
import { AgencyParseError, type AgencyFormat } from './types.ts';
import { rootName } from './xml.ts';

/** Every agency format the importer reads, tried in order. */
export const FORMATS: readonly AgencyFormat[] = [newsml12, newsmlg2, nitf, ninjs];

/** Items larger than this are refused before they are read: no agency item comes near it. */
export const MAX_ITEM_BYTES = 8 * 1024 * 1024;

/**
 * The agency format of a text, `'text'` for plain wire copy, or an error naming the
 * root element when the text is XML of no known format.
 *
 * @example
 * detectFormat('<NewsML Version="1.2">...'); // newsml12
 * detectFormat('Astana, Jun 20 (EFE).- ...'); // "text"
 */
export function detectFormat(source: string): AgencyFormat | 'text' {
  const found = FORMATS.find((format) => format.canParse(source));
  if (found) return found;
  const root = rootName(source);
  if (root !== undefined) {
    throw new AgencyParseError(
      root,
      `unknown root element <${root}>: expected NewsML (1.2), newsMessage or newsItem (NewsML-G2), or nitf`,
    );
  }
  if (/^\s*[[{]/.test(source)) throw new AgencyParseError('JSON', 'expected a ninjs object, not a list');
  return 'text';
}

/**
 * Decodes a file's bytes to text: UTF-8 (with or without BOM), UTF-16 by its BOM, or the
 * encoding an XML declaration names (EFE sends ISO-8859-1). Fails fast on binary data
 * (NUL bytes) and on bytes that are not valid in the encoding.
 *
 * @example
 * decodeItem(Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><a>\xf1</a>', 'latin1'), 'a.xml');
 * // '<?xml version="1.0" encoding="iso-8859-1"?><a>ñ</a>'
 */
export function decodeItem(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0))
    throw new AgencyParseError(file, 'binary data (NUL bytes): expected an agency item or wire text');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]?.toLowerCase();
  const encoding = declared && !/^utf-?8$/.test(declared) ? declared : 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new AgencyParseError(file, `unknown encoding "${declared}" in the XML declaration`);
  }
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new AgencyParseError(file, `bytes that are not valid ${encoding}: expected text in the encoding it declares`);
  }
}

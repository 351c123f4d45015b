/**
 * A small element tree over fast-xml-parser: XML is checked for well-formedness by
 * fast-xml-validator (line and column of the first error) and parsed by a real parser
 * (never by regular expressions), namespace prefixes are dropped, and entities (the XML five,
 * numeric ones and the HTML/ISO names NITF uses) are decoded once, with `entities`.
 */
import { decodeHTML } from 'entities';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { AgencyParseError } from './types.ts';

/** An XML element: its local name, attributes (decoded) and children in document order. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

/** An element or a run of text. */
export type XmlNode = XmlElement | string;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
});

const validator = new SyntaxValidator({ multipleRoots: false });

type Raw = Record<string, unknown>;

function convert(raw: Raw[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const entry of raw) {
    for (const key of Object.keys(entry)) {
      if (key === ':@' || key === '#comment') continue;
      const value = entry[key];
      if (key === '#text') {
        nodes.push(decodeHTML(String(value)));
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const [name, attr] of Object.entries((entry[':@'] as Raw | undefined) ?? {})) {
        attrs[name] = decodeHTML(String(attr));
      }
      nodes.push({ name: key, attrs, children: Array.isArray(value) ? convert(value as Raw[]) : [] });
    }
  }
  return nodes;
}

/**
 * Parses an XML document to its root element, or fails naming the line and column of the
 * first well-formedness error.
 *
 * @example
 * parseXml('<nitf><body/></nitf>').name; // "nitf"
 * parseXml('<a><b></a>'); // throws "XML: line 1, column 7: Expected closing tag 'b' ..."
 */
export function parseXml(source: string): XmlElement {
  try {
    validator.validate(source);
  } catch (error) {
    const { line, col, message } = error as { line?: number; col?: number; message: string };
    throw new AgencyParseError('XML', `line ${line ?? '?'}, column ${col ?? '?'}: ${message.replace(/\.$/, '')}`);
  }
  const root = convert(parser.parse(source) as Raw[]).find((node): node is XmlElement => typeof node !== 'string');
  if (!root) throw new AgencyParseError('XML', 'the document has no root element');
  return root;
}

/**
 * Child elements named `name` (any name when `name` is `*`).
 *
 * @example
 * children(parseXml('<a><b/><c/><b/></a>'), 'b').length; // 2
 */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter(
    (node): node is XmlElement => typeof node !== 'string' && (name === '*' || node.name === name),
  );
}

/**
 * The first element along a path of child names (`'NewsComponent/NewsLines/HeadLine'`).
 *
 * @example
 * path(parseXml('<a><b><c>x</c></b></a>'), 'b/c')?.name; // "c"
 */
export function path(element: XmlElement | undefined, steps: string): XmlElement | undefined {
  let current = element;
  for (const step of steps.split('/')) current = children(current, step)[0];
  return current;
}

/**
 * Every descendant element named `name`, in document order.
 *
 * @example
 * descendants(parseXml('<a><b><p/></b><p/></a>'), 'p').length; // 2
 */
export function descendants(element: XmlElement | undefined, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (node: XmlElement) => {
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      if (child.name === name) found.push(child);
      walk(child);
    }
  };
  if (element) walk(element);
  return found;
}

/**
 * The text of an element and its descendants, with runs of white space folded to one
 * space and the ends trimmed; `undefined` for a missing element or an empty text.
 *
 * @example
 * textOf(parseXml('<h> Hola <em>mundo</em>\r\n </h>')); // "Hola mundo"
 */
export function textOf(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const parts: string[] = [];
  const walk = (node: XmlNode) => {
    if (typeof node === 'string') parts.push(node);
    else node.children.forEach(walk);
  };
  walk(element);
  const text = parts
    .join('')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
  return text || undefined;
}

/**
 * The local name of a document's root element, read from the head of the text (past the
 * XML declaration, comments and a DOCTYPE) without parsing the whole document: cheap
 * enough for format detection. `undefined` when the text does not open like XML.
 *
 * @example
 * rootName('<?xml version="1.0"?>\n<!-- x --><nitf:nitf xmlns:nitf="u">'); // "nitf"
 * rootName('{"uri": "x"}'); // undefined
 */
export function rootName(source: string): string | undefined {
  let rest = source.replace(/^\uFEFF/, '');
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith('<?')) rest = rest.slice(rest.indexOf('?>') + 2);
    else if (rest.startsWith('<!--')) rest = rest.slice(rest.indexOf('-->') + 3);
    else if (rest.startsWith('<!DOCTYPE')) {
      const subset = rest.indexOf('[');
      const close = rest.indexOf('>');
      rest = rest.slice(subset >= 0 && subset < close ? rest.indexOf(']>') + 2 : close + 1);
    } else break;
    if (rest === source) return undefined;
  }
  const match = /^<([\w.-]+:)?([\w.-]+)[\s/>]/.exec(rest);
  return match?.[2];
}

/**
 * The text of an element and its descendants exactly as written (line breaks kept).
 *
 * @example
 * rawText(parseXml('<d>One.\nTwo.</d>')); // "One.\nTwo."
 */
export function rawText(element: XmlElement): string {
  return element.children.map((node) => (typeof node === 'string' ? node : rawText(node))).join('');
}

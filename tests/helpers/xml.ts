import { SaxesParser } from 'saxes';

/**
 * Parses XML with a strict, namespace-aware parser and returns its well-formedness
 * errors (an empty list when there are none): unclosed tags, bad entities, unbound prefixes.
 */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => errors.push(error.message));
  parser.write(xml).close();
  return errors;
}

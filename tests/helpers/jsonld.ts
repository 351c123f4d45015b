import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import jsonld from 'jsonld';

/**
 * A local JSON-LD context with every schema.org type and property that schema-dts knows (it
 * is generated from the schema.org vocabulary), and no @vocab: expanding in safe mode then
 * fails on any term schema.org does not define, instead of dropping it silently.
 */
function schemaOrgContext() {
  const require = createRequire(import.meta.url);
  const types = readFileSync(join(dirname(require.resolve('schema-dts')), 'schema.d.ts'), 'utf8');
  const terms = new Set([
    ...[...types.matchAll(/"([A-Za-z][A-Za-z0-9]*)"\?:/g)].map((m) => m[1] as string),
    ...[...types.matchAll(/"@type": "([A-Za-z][A-Za-z0-9]*)"/g)].map((m) => m[1] as string),
  ]);
  const context: Record<string, string> = {};
  for (const term of terms) context[term] = `https://schema.org/${term}`;
  return { '@context': context };
}

const context = schemaOrgContext();

/** Loads https://schema.org as the local context above; any other address fails (no network). */
const documentLoader = async (url: string) => {
  if (url !== 'https://schema.org' && url !== 'https://schema.org/') throw new Error(`no network: ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: context };
};

// @types/jsonld predates safe mode; this is the signature jsonld 9 has.
const expandWith = jsonld.expand as (
  input: object,
  options: { documentLoader: typeof documentLoader; safe: boolean },
) => Promise<object[]>;

/** A node of an expanded JSON-LD document: every property IRI holds a list of values. */
export type ExpandedNode = { '@id'?: string; '@type'?: string[]; '@value'?: unknown } & Record<string, unknown>;

/**
 * Expands a JSON-LD document against schema.org in safe mode, offline: rejects on any term
 * schema.org does not define.
 */
export async function expandJsonLd(document: object): Promise<ExpandedNode[]> {
  return (await expandWith(document, { documentLoader, safe: true })) as ExpandedNode[];
}

/** The full IRI of a schema.org term. */
export const schema = (term: string): string => `https://schema.org/${term}`;

/** The values of a schema.org property of an expanded node (an empty list when it has none). */
export function values(node: ExpandedNode | undefined, term: string): ExpandedNode[] {
  return (node?.[schema(term)] as ExpandedNode[] | undefined) ?? [];
}

/** The one literal value (or node reference) of a property: its `@value`, or its `@id`. */
export function value(node: ExpandedNode | undefined, term: string): unknown {
  const found = values(node, term);
  if (found.length !== 1) return found.length === 0 ? undefined : found.map((item) => item['@value'] ?? item['@id']);
  return found[0]?.['@value'] ?? found[0]?.['@id'];
}

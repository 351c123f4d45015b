/**
 * IPTC subject codes (`subj:`, the NewsCodes of NewsML 1.2, NITF and early G2) and media
 * topics (`medtop:`) to names, offline: a table of the top-level subjects and the most
 * used details, in English, Spanish, French and German. A detailed code the table lacks is
 * named by its top-level subject, so a story is never left without a tag for it.
 */
import type { WireSubject } from './types.ts';

type Names = readonly [en: string, es: string, fr: string, de: string];
const LANGS = ['en', 'es', 'fr', 'de'] as const;

/** Subject names by the eight-digit code (`subj:` and `medtop:` share the top level). */
const SUBJECTS: Readonly<Record<string, Names>> = {
  '01000000': [
    'Arts, culture and entertainment',
    'Arte, cultura y espectáculos',
    'Arts, culture et divertissement',
    'Kultur, Kunst, Unterhaltung',
  ],
  '02000000': [
    'Crime, law and justice',
    'Justicia, delincuencia y ley',
    'Criminalité, droit et justice',
    'Kriminalität, Recht, Justiz',
  ],
  '03000000': ['Disaster and accident', 'Catástrofes y accidentes', 'Désastres et accidents', 'Katastrophen, Unfälle'],
  '04000000': [
    'Economy, business and finance',
    'Economía, negocios y finanzas',
    'Économie, affaires et finance',
    'Wirtschaft, Finanzen',
  ],
  '05000000': ['Education', 'Educación', 'Éducation', 'Bildung'],
  '06000000': ['Environment', 'Medio ambiente', 'Environnement', 'Umwelt'],
  '07000000': ['Health', 'Salud', 'Santé', 'Gesundheit'],
  '08000000': ['Human interest', 'Interés humano', 'Gens animaux insolite', 'Vermischtes'],
  '09000000': ['Labour', 'Trabajo', 'Social', 'Arbeit'],
  '10000000': ['Lifestyle and leisure', 'Ocio y estilo de vida', 'Vie quotidienne et loisirs', 'Freizeit, Lifestyle'],
  '11000000': ['Politics', 'Política', 'Politique', 'Politik'],
  '12000000': ['Religion and belief', 'Religión y creencias', 'Religion et croyance', 'Religion, Glaube'],
  '13000000': ['Science and technology', 'Ciencia y tecnología', 'Science et technologie', 'Wissenschaft, Technik'],
  '14000000': ['Social issues', 'Asuntos sociales', 'Questions sociales', 'Soziale Fragen'],
  '15000000': ['Sport', 'Deportes', 'Sport', 'Sport'],
  '16000000': [
    'Unrest, conflicts and war',
    'Conflictos, guerras y paz',
    'Conflits, guerres et paix',
    'Unruhen, Konflikte, Krieg',
  ],
  '17000000': ['Weather', 'Meteorología', 'Météo', 'Wetter'],
  '04008000': ['Economy', 'Economía', 'Économie', 'Konjunktur'],
  '11001000': ['Defence', 'Defensa', 'Défense', 'Verteidigung'],
  '11002000': ['Diplomacy', 'Diplomacia', 'Diplomatie', 'Diplomatie'],
  '11003000': ['Elections', 'Elecciones', 'Élections', 'Wahlen'],
  '11006000': ['Government', 'Gobierno', 'Gouvernement', 'Regierung'],
  '15054000': ['Football', 'Fútbol', 'Football', 'Fußball'],
  '16009000': ['War', 'Guerra', 'Guerre', 'Krieg'],
  '16010000': ['Peace process', 'Proceso de paz', 'Processus de paix', 'Friedensprozess'],
};

const CODE = /^(?:(subj|medtop|iptc|subject):)?(\d{8})$/i;

function languageIndex(lang: string | undefined): number {
  const base = (lang ?? 'en').toLowerCase().split('-')[0] as string;
  const index = (LANGS as readonly string[]).indexOf(base);
  return index < 0 ? 0 : index;
}

/**
 * The name of an IPTC subject code in a language (English when the table lacks the
 * language); a detail the table lacks gets its top-level subject's name; `undefined` for a
 * code that is not an IPTC subject.
 *
 * @example
 * subjectName('subj:11000000', 'es'); // "Política"
 * subjectName('medtop:11099999', 'de'); // "Politik"
 * subjectName('dpatopic:xyz', 'en'); // undefined
 */
export function subjectName(code: string, lang: string | undefined): string | undefined {
  const match = CODE.exec(code.trim());
  const digits = match?.[2];
  if (!digits) return undefined;
  const names = SUBJECTS[digits] ?? SUBJECTS[`${digits.slice(0, 5)}000`] ?? SUBJECTS[`${digits.slice(0, 2)}000000`];
  return names?.[languageIndex(lang)];
}

/**
 * Whether a subject code is an IPTC subject or media topic the table can name.
 *
 * @example
 * isIptcSubject('subj:15054000'); // true
 */
export function isIptcSubject(code: string): boolean {
  return subjectName(code, 'en') !== undefined;
}

/**
 * Tags for an item's subjects: the item's own name where it gives one, else the table's
 * name in the item's language; each once, first letter upper-cased, in the item's order.
 *
 * @example
 * subjectTags([{ code: 'subj:11000000' }, { code: 'x', name: 'kazajistán' }], 'es');
 * // ["Política", "Kazajistán"]
 */
export function subjectTags(subjects: readonly WireSubject[], lang: string | undefined): string[] {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const subject of subjects) {
    const name = subject.name?.trim() || (subject.code ? subjectName(subject.code, lang) : undefined);
    if (!name) continue;
    const tag = name.charAt(0).toLocaleUpperCase(lang ?? 'en') + name.slice(1);
    const key = tag.toLocaleLowerCase(lang ?? 'en');
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

/**
 * The section an item belongs in when the editor gives none: the English name of its first
 * IPTC subject's top level (the site's sections are in the site's language).
 *
 * @example
 * subjectSection([{ code: 'subj:16009000' }]); // "Unrest, conflicts and war"
 */
export function subjectSection(subjects: readonly WireSubject[]): string | undefined {
  for (const subject of subjects) {
    const digits = subject.code ? CODE.exec(subject.code.trim())?.[2] : undefined;
    if (digits) {
      const names = SUBJECTS[`${digits.slice(0, 2)}000000`];
      if (names) return names[0];
    }
  }
  return undefined;
}

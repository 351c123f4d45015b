/**
 * The common wire item: what every agency format (NewsML 1.2 with NITF, NewsML-G2, ninjs,
 * plain wire text) is mapped to before one writer turns it into a content entry.
 */

/** The agency's publishing status of an item. */
export type WireStatus = 'usable' | 'withheld' | 'canceled';

/** A run of inline text in a paragraph, kept with the little markup wire copy carries. */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'em' | 'strong'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'break' };

/** One paragraph of the story, as inline runs. */
export type Paragraph = Inline[];

/** A subject of the item: an IPTC code (`subj:11000000`, `medtop:20000001`) and/or a name. */
export interface WireSubject {
  code?: string | undefined;
  name?: string | undefined;
}

/** A photo that goes with the item. */
export interface WirePhoto {
  /** Where the rendition is: a file name beside the item, or an http(s) URL. */
  href: string;
  caption?: string | undefined;
  /** The photographer and/or agency credit, e.g. `EFE/Radek Pietruszka`. */
  credit?: string | undefined;
  alt?: string | undefined;
  /** Where in the item the photo was named, for error messages (`ContentItem/@Href`). */
  field: string;
}

/** What every format maps to. Dates are ISO 8601 strings with an offset (or `Z`). */
export interface WireItem {
  /** The format the item came in, e.g. `NewsML 1.2`. */
  format: string;
  /** The agency's own id of the item, the same for all its revisions. */
  id: string;
  /** The revision number; higher is newer. */
  version: number;
  status: WireStatus;
  headline: string;
  slugline?: string | undefined;
  /** BCP 47 language of the item, when it says. */
  lang?: string | undefined;
  /** The agency, when the item names it (`EFE`, `AFP`, `dpa`). */
  agency?: string | undefined;
  /** The structured dateline, when the item has one. */
  dateline?: { place: string; date?: string | undefined } | undefined;
  firstCreated?: string | undefined;
  versionCreated?: string | undefined;
  /** Not to be published before this time. */
  embargo?: string | undefined;
  /** 1 (flash) to 9. */
  urgency?: number | undefined;
  description?: string | undefined;
  /** The story's paragraphs, in order; the dateline and sign-off may still be in them. */
  paragraphs: Paragraph[];
  subjects: WireSubject[];
  /** Notes for editors only; never shown to readers. */
  edNotes: string[];
  copyright?: string | undefined;
  usageTerms?: string | undefined;
  /** The item says it corrects an earlier revision; the text, when it gives one. */
  correction?: { text?: string | undefined } | undefined;
  photos: WirePhoto[];
  /** Things the importer should tell the editor about (nothing lost, but worth a look). */
  notes: string[];
}

/** An error about one element or field of an agency file, named first in its message. */
class FieldError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/** Input an agency parser refuses; names the element or field that is wrong. */
export class AgencyParseError extends FieldError {
  override name = 'AgencyParseError';
}

/**
 * A well-formed file the item importer does not make a story of, by design: a NewsML-G2
 * package, a picture-only item. The importer reports it by name and what it is, writes
 * nothing for it, and does not count it as a failure.
 */
export class NotAStory extends FieldError {
  override name = 'NotAStory';
}

/** One agency format: detected from the content, parsed to wire items. */
export interface AgencyFormat {
  /** A short name for reports, e.g. `NewsML-G2`. */
  name: string;
  /** Whether the text looks like this format (cheap; no full parse). */
  canParse(source: string): boolean;
  /** The items in the text (a NewsML envelope may carry several). */
  parse(source: string): WireItem[];
}

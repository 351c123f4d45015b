/**
 * "Related Articles" ranking, built once per build as an inverted index, so that the
 * top k for every story costs about the stories it shares something with, not all pairs.
 */

/** What the ranking needs to know of a story. */
export interface RelatedInput {
  id: string;
  section: string;
  tags: readonly string[];
  /** Publication time in milliseconds. */
  date: number;
  /** Ids an editor chose, listed first and in the editor's order. */
  related?: readonly string[];
  /** Salient words of the story (see {@link salientTerms}); shared words count for less than tags. */
  terms?: readonly string[];
}

/** Options of {@link rankRelated}. */
export interface RelatedOptions {
  /** Most entries per story (default 5). */
  limit?: number;
  /** Features on more stories than this are not walked to find candidates (they weigh little). */
  maxPosting?: number;
  /** How many same-section neighbours in time are considered for each story (default 2 × limit). */
  sectionNeighbours?: number;
}

const TERM_WEIGHT = 0.5;

const STOPWORDS = new Set(
  (
    'about above after again against also among another because been before being below between both ' +
    'called came come could does doing down during each even ever every first from further have having ' +
    'here into just last later like made make many more most much must never only other over said same ' +
    'says should since some still such than that their them then there these they this those through ' +
    'told under until very want well were what when where which while will with within without would year years your'
  ).split(' '),
);

/**
 * The salient words of a text for matching stories: lower-cased words of four or more
 * letters, common English function words left out, each once, in order of appearance.
 *
 * @example
 * salientTerms('Tokayev calls for support for Chinese peace initiatives');
 * // ["tokayev", "calls", "support", "chinese", "peace", "initiatives"]
 */
export function salientTerms(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]{4,}/gu)) {
    const word = match[0];
    if (!STOPWORDS.has(word)) seen.add(word);
  }
  return [...seen];
}

interface Scored {
  index: number;
  score: number;
  sameSection: boolean;
  distance: number;
}

/** Orders candidates: higher score, then same section, then nearer in time, then newer, then id. */
function better(a: Scored, b: Scored, stories: readonly RelatedInput[]): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.sameSection !== b.sameSection) return a.sameSection ? -1 : 1;
  if (a.distance !== b.distance) return a.distance - b.distance;
  const sa = stories[a.index] as RelatedInput;
  const sb = stories[b.index] as RelatedInput;
  if (sa.date !== sb.date) return sb.date - sa.date;
  return sa.id < sb.id ? -1 : sa.id > sb.id ? 1 : 0;
}

function buildPostings(keys: readonly (readonly string[])[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  keys.forEach((list, index) => {
    for (const key of new Set(list)) {
      const posting = postings.get(key);
      if (posting) posting.push(index);
      else postings.set(key, [index]);
    }
  });
  return postings;
}

/**
 * Ranks related stories for every story at once. Editor-chosen ids come first, in order;
 * then stories by shared tags (a rare tag weighs more than a common one: inverse document
 * frequency) and, for half as much, shared salient terms; ties go to the same section,
 * then to the story nearest in time, then the newer, then the id. A story never lists
 * itself, nor an id twice. Deterministic for the same input.
 *
 * @example
 * const related = rankRelated([
 *   { id: 'a', section: 'World', tags: ['kazakhstan'], date: 3 },
 *   { id: 'b', section: 'World', tags: ['kazakhstan'], date: 2 },
 *   { id: 'c', section: 'Sport', tags: [], date: 1 },
 * ]);
 * related.get('a'); // ["b", "c"]
 */
export function rankRelated(stories: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, string[]> {
  const limit = options.limit ?? 5;
  const n = stories.length;
  const maxPosting = options.maxPosting ?? Math.max(50, Math.ceil(n / 20));
  const neighbours = options.sectionNeighbours ?? limit * 2;

  const tagSets = stories.map((story) => new Set(story.tags));
  const termSets = stories.map((story) => new Set(story.terms ?? []));
  const tagPostings = buildPostings(stories.map((story) => story.tags));
  const termPostings = buildPostings(stories.map((story) => story.terms ?? []));
  const idf = (df: number) => Math.log((n + 1) / df);

  const bySection = new Map<string, number[]>();
  stories.forEach((story, index) => {
    const list = bySection.get(story.section);
    if (list) list.push(index);
    else bySection.set(story.section, [index]);
  });
  const positionInSection = new Int32Array(n);
  for (const list of bySection.values()) {
    list.sort((a, b) => (stories[a] as RelatedInput).date - (stories[b] as RelatedInput).date || a - b);
    list.forEach((index, position) => (positionInSection[index] = position));
  }
  const indexById = new Map(stories.map((story, index) => [story.id, index]));

  const result = new Map<string, string[]>();
  const seenStamp = new Int32Array(n).fill(-1);

  stories.forEach((story, self) => {
    const chosen: string[] = [];
    const taken = new Set<number>([self]);
    for (const id of story.related ?? []) {
      const index = indexById.get(id);
      if (index === undefined || taken.has(index) || chosen.length >= limit) continue;
      taken.add(index);
      chosen.push(id);
    }
    if (chosen.length >= limit) {
      result.set(story.id, chosen);
      return;
    }

    const candidates: number[] = [];
    const consider = (index: number) => {
      if (seenStamp[index] === self || taken.has(index)) return;
      seenStamp[index] = self;
      candidates.push(index);
    };
    for (const tag of tagSets[self] as Set<string>) {
      const posting = tagPostings.get(tag) as number[];
      if (posting.length <= maxPosting) posting.forEach(consider);
    }
    for (const term of termSets[self] as Set<string>) {
      const posting = termPostings.get(term) as number[];
      if (posting.length <= maxPosting) posting.forEach(consider);
    }
    const section = bySection.get(story.section) as number[];
    const at = positionInSection[self] as number;
    for (let step = 1; step <= neighbours; step++) {
      const before = section[at - step];
      const after = section[at + step];
      if (before !== undefined) consider(before);
      if (after !== undefined) consider(after);
    }
    if (candidates.length < limit) {
      for (let index = 0; index < n && candidates.length < limit * 4; index++) consider(index);
    }

    const ownTags = tagSets[self] as Set<string>;
    const ownTerms = termSets[self] as Set<string>;
    const top: Scored[] = [];
    const room = limit - chosen.length;
    for (const index of candidates) {
      const other = stories[index] as RelatedInput;
      let score = 0;
      for (const tag of ownTags) {
        if ((tagSets[index] as Set<string>).has(tag)) score += idf((tagPostings.get(tag) as number[]).length);
      }
      for (const term of ownTerms) {
        if ((termSets[index] as Set<string>).has(term)) {
          score += TERM_WEIGHT * idf((termPostings.get(term) as number[]).length);
        }
      }
      const entry: Scored = {
        index,
        score,
        sameSection: other.section === story.section,
        distance: Math.abs(other.date - story.date),
      };
      if (top.length === room && better(entry, top[room - 1] as Scored, stories) >= 0) continue;
      let at = top.length;
      while (at > 0 && better(entry, top[at - 1] as Scored, stories) < 0) at--;
      top.splice(at, 0, entry);
      if (top.length > room) top.pop();
    }
    result.set(story.id, [...chosen, ...top.map((entry) => (stories[entry.index] as RelatedInput).id)]);
  });
  return result;
}

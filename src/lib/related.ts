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
  /** Features on more stories than this are left out of the score (they weigh little); default n/20, 20–100. */
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

/** Features (tags and terms) as numbers, with each story's feature list and each feature's stories. */
function indexFeatures(stories: readonly RelatedInput[]) {
  const tagIds = new Map<string, number>();
  const termIds = new Map<string, number>();
  const weightOf: number[] = [];
  const lists: number[][] = [];
  const perStory = stories.map((story, index) => {
    const own: number[] = [];
    const add = (ids: Map<string, number>, key: string, weight: number) => {
      let id = ids.get(key);
      if (id === undefined) {
        id = lists.length;
        ids.set(key, id);
        lists.push([]);
        weightOf.push(weight);
      }
      const list = lists[id] as number[];
      if (list[list.length - 1] !== index) {
        list.push(index);
        own.push(id);
      }
    };
    for (const tag of story.tags) add(tagIds, tag, 1);
    for (const term of story.terms ?? []) add(termIds, term, TERM_WEIGHT);
    return own;
  });
  const postings = lists.map((list) => Int32Array.from(list));
  return { weightOf, postings, perStory };
}

/**
 * Ranks related stories for every story at once. Editor-chosen ids come first, in order;
 * then stories by shared tags (a rare tag weighs more than a common one: inverse document
 * frequency) and, for half as much, shared salient terms; ties go to the same section,
 * then to the story nearest in time, then the newer, then the id. A story never lists
 * itself, nor an id twice. Deterministic for the same input.
 *
 * Scores are summed over an inverted index, walking only the postings of features on at
 * most `maxPosting` stories: a feature shared that widely says little and would make the
 * cost grow with the square of the archive.
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
  const maxPosting = options.maxPosting ?? Math.max(20, Math.min(100, Math.ceil(n / 20)));
  const neighbours = options.sectionNeighbours ?? limit * 2;

  const { weightOf, postings, perStory } = indexFeatures(stories);
  const weight = weightOf.map((w, id) => w * Math.log((n + 1) / (postings[id] as Int32Array).length));

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
  const score = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const taken = new Int32Array(n).fill(-1);

  stories.forEach((story, self) => {
    const chosen: string[] = [];
    taken[self] = self;
    for (const id of story.related ?? []) {
      const index = indexById.get(id);
      if (index === undefined || taken[index] === self || chosen.length >= limit) continue;
      taken[index] = self;
      chosen.push(id);
    }
    if (chosen.length >= limit) {
      result.set(story.id, chosen);
      return;
    }

    const candidates: number[] = [];
    const touch = (index: number) => {
      if (stamp[index] === self) return;
      stamp[index] = self;
      score[index] = 0;
      if (taken[index] !== self) candidates.push(index);
    };
    for (const feature of perStory[self] as number[]) {
      const posting = postings[feature] as Int32Array;
      if (posting.length > maxPosting) continue;
      const w = weight[feature] as number;
      for (const index of posting) {
        touch(index);
        score[index] = (score[index] as number) + w;
      }
    }
    const section = bySection.get(story.section) as number[];
    const at = positionInSection[self] as number;
    for (let step = 1; step <= neighbours; step++) {
      const before = section[at - step];
      const after = section[at + step];
      if (before !== undefined) touch(before);
      if (after !== undefined) touch(after);
    }
    for (let index = 0; index < n && candidates.length < limit * 2; index++) touch(index);

    const top: Scored[] = [];
    const room = limit - chosen.length;
    for (const index of candidates) {
      const value = score[index] as number;
      if (top.length === room && value < (top[room - 1] as Scored).score) continue;
      const other = stories[index] as RelatedInput;
      const entry: Scored = {
        index,
        score: value,
        sameSection: other.section === story.section,
        distance: Math.abs(other.date - story.date),
      };
      if (top.length === room && better(entry, top[room - 1] as Scored, stories) >= 0) continue;
      let position = top.length;
      while (position > 0 && better(entry, top[position - 1] as Scored, stories) < 0) position--;
      top.splice(position, 0, entry);
      if (top.length > room) top.pop();
    }
    result.set(story.id, [...chosen, ...top.map((entry) => (stories[entry.index] as RelatedInput).id)]);
  });
  return result;
}

import { foldTurkish } from '@app/common';

export interface CategoryCandidate {
  id: string;
  name: string;
  keywords: string[];
}

export interface MahalleCandidate {
  id: string;
  name: string;
}

export interface Suggestion {
  categoryId: string | null;
  categoryScore: number;
  mahalleId: string | null;
  confident: boolean;
  matched: string[];
}

/** A word of a keyword or mahalle name, with its softened stem worked out once. */
interface Word {
  text: string;
  /** Turkish softens a final consonant before a vowel suffix: "sokak" → "sokağı" → "sokagi". */
  softened: string | null;
}

interface Term {
  categoryId: string;
  keyword: string;
  tokens: Word[];
  weight: number;
}

const MAHALLE_SUFFIX = /\s+(mahallesi|mahalle|mah\.?|mh\.?)$/;

/**
 * Suggests a category and a mahalle for a citizen's message from the categories' keywords,
 * ignoring Turkish letters and case, tolerating suffixes ("çukurlar", "lambası") and one-letter
 * typos in longer words. Pure: the index is built once per category set.
 */
export class Categoriser {
  private readonly terms: Term[];
  private readonly mahalleler: { id: string; tokens: Word[] }[];
  private readonly minScore: number;
  private readonly minMargin: number;

  constructor(categories: CategoryCandidate[], mahalleler: MahalleCandidate[], options: { minScore?: number; minMargin?: number } = {}) {
    this.minScore = options.minScore ?? 1;
    this.minMargin = options.minMargin ?? 0.5;
    this.terms = categories.flatMap((category) => {
      const keywords = [...new Set(category.keywords.map(foldTurkish).filter(Boolean))];
      // Multi-word keywords are stronger evidence than a single common word.
      return keywords.map((keyword) => {
        const tokens = words(keyword);
        return { categoryId: category.id, keyword, tokens, weight: tokens.length > 1 ? 1.5 : 1 };
      });
    });
    this.mahalleler = mahalleler.map((m) => ({ id: m.id, tokens: words(foldTurkish(m.name).replace(MAHALLE_SUFFIX, '')) }));
  }

  suggest(text: string): Suggestion {
    const tokens = foldTurkish(text).replace(/[^a-z0-9\s]/g, ' ').split(/\s+/).filter(Boolean);
    const scores = new Map<string, number>();
    const matched: string[] = [];
    for (const term of this.terms) {
      if (!containsPhrase(tokens, term.tokens)) continue;
      scores.set(term.categoryId, (scores.get(term.categoryId) ?? 0) + term.weight);
      matched.push(term.keyword);
    }
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    const confident = !!best && best[1] >= this.minScore && best[1] - (second?.[1] ?? 0) >= this.minMargin;
    return {
      categoryId: best?.[0] ?? null,
      categoryScore: best?.[1] ?? 0,
      mahalleId: this.mahalleler.find((m) => containsPhrase(tokens, m.tokens, false))?.id ?? null,
      confident,
      matched: best ? matched.filter((k) => this.terms.some((t) => t.keyword === k && t.categoryId === best[0])) : [],
    };
  }
}

function words(phrase: string): Word[] {
  return phrase.split(' ').map((text) => {
    const softened = text.replace(/k$/, 'g').replace(/p$/, 'b').replace(/t$/, 'd').replace(/ç$/, 'c');
    return { text, softened: softened !== text ? softened : null };
  });
}

function containsPhrase(tokens: string[], phrase: Word[], fuzzy = true): boolean {
  const first = phrase[0];
  for (let i = 0; i + phrase.length <= tokens.length; i += 1) {
    if (!mayMatch(tokens[i], first, fuzzy)) continue;
    let all = true;
    for (let j = 0; all && j < phrase.length; j += 1) all = wordMatches(tokens[i + j], phrase[j], fuzzy);
    if (all) return true;
  }
  return false;
}

/**
 * A quick test that rules out most pairs before wordMatches: a match by suffix starts with the
 * word's (or its softened stem's) first letter, and one edit leaves the first letter or the
 * second in place, or moves one of them by one.
 */
function mayMatch(token: string, { text: word, softened }: Word, fuzzy: boolean): boolean {
  const t0 = token.charCodeAt(0);
  const w0 = word.charCodeAt(0);
  if (t0 === w0 || (softened !== null && t0 === softened.charCodeAt(0))) return true;
  if (!fuzzy || word.length < 5) return false;
  const t1 = token.charCodeAt(1);
  const w1 = word.charCodeAt(1);
  return t1 === w1 || t1 === w0 || t0 === w1;
}

/** "cukurlar" matches "cukur" (suffix), "lambasi" matches "lamba"; "cukkur" matches "cukur" (typo). */
function wordMatches(token: string, { text: word, softened }: Word, fuzzy: boolean): boolean {
  if (token === word) return true;
  if (word.length >= 3 && token.startsWith(word) && token.length - word.length <= 5) return true;
  if (softened && token.startsWith(softened) && token.length > softened.length) return true;
  if (!fuzzy || word.length < 5) return false;
  return withinOneEdit(token.slice(0, word.length + 1), word) || withinOneEdit(token.slice(0, word.length), word);
}

/** Damerau-Levenshtein distance ≤ 1 (one insertion, deletion, substitution or swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

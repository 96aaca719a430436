import { foldTurkish } from '@app/common';
import { PhraseIndex } from './phrase-index';
import { Word, words } from './word-match';

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
  private readonly termIndex: PhraseIndex;
  private readonly mahalleIndex: PhraseIndex;
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
    this.termIndex = new PhraseIndex(
      this.terms.map((t) => t.tokens),
      true,
    );
    this.mahalleIndex = new PhraseIndex(
      this.mahalleler.map((m) => m.tokens),
      false,
    );
  }

  /** The mahalle the text names, without looking for a category (the classifier does that once it is trained). */
  mahalleOf(text: string): string | null {
    return this.mahalleFound(tokensOf(text));
  }

  suggest(text: string): Suggestion {
    const tokens = tokensOf(text);
    const scores = new Map<string, number>();
    const found = this.termIndex.found(tokens);
    const matched = this.terms.filter((_, n) => found[n]);
    for (const term of matched) scores.set(term.categoryId, (scores.get(term.categoryId) ?? 0) + term.weight);
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    const confident = !!best && best[1] >= this.minScore && best[1] - (second?.[1] ?? 0) >= this.minMargin;
    return {
      categoryId: best?.[0] ?? null,
      categoryScore: best?.[1] ?? 0,
      mahalleId: this.mahalleFound(tokens),
      confident,
      // A keyword two categories share counts for the best one too (a term with the same words matched as well).
      matched: best ? keywordsOf(matched, best[0]) : [],
    };
  }

  private mahalleFound(tokens: string[]): string | null {
    return this.mahalleler[this.mahalleIndex.found(tokens).indexOf(true)]?.id ?? null;
  }
}

const tokensOf = (text: string) =>
  foldTurkish(text)
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

/** The matched keywords that are the category's own, in the order they matched. */
function keywordsOf(matched: Term[], categoryId: string): string[] {
  const own = new Set(matched.filter((t) => t.categoryId === categoryId).map((t) => t.keyword));
  return matched.map((t) => t.keyword).filter((keyword) => own.has(keyword));
}

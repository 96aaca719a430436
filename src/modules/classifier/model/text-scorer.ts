import { formsOf, wordsOf } from '../text/features';
import { LinearModel, Scored } from './linear-model';

const CACHE_LIMIT = 50_000;

interface WordRows {
  /** The model's rows of the word's own features. */
  rows: Int32Array;
  key: string;
}

/**
 * Scores texts as `model.score(featuresOf(text))` does, without building a message's feature
 * strings: each word's known feature rows are looked up once and kept, and pairs of
 * neighbouring words are found through a map of maps. This keeps a message under 100 µs.
 */
export class TextScorer {
  private readonly words = new Map<string, WordRows>();
  /** First word's key → second word's key → the pair's row (`b:first_second`). */
  private readonly pairs = new Map<string, Map<string, number>>();
  /** Row → the message it was last counted for: a feature counts once per message. */
  private readonly stamp: Int32Array;
  private message = 0;

  constructor(readonly model: LinearModel) {
    this.stamp = new Int32Array(model.data.features.length);
    model.data.features.forEach((feature, row) => {
      if (!feature.startsWith('b:')) return;
      const [first, second] = feature.slice(2).split('_');
      if (!this.pairs.has(first)) this.pairs.set(first, new Map());
      this.pairs.get(first)!.set(second, row);
    });
  }

  score(text: string): Scored {
    this.message = (this.message % 2_000_000_000) + 1;
    const found: number[] = [];
    let previous: Map<string, number> | undefined;
    for (const word of wordsOf(text)) {
      const { rows, key } = this.rowsOf(word);
      for (let i = 0; i < rows.length; i += 1) this.take(rows[i], found);
      const pair = previous?.get(key);
      if (pair !== undefined) this.take(pair, found);
      previous = this.pairs.get(key);
    }
    return this.model.scoreRows(found);
  }

  private take(row: number, found: number[]): void {
    if (this.stamp[row] === this.message) return;
    this.stamp[row] = this.message;
    found.push(row);
  }

  private rowsOf(word: string): WordRows {
    const known = this.words.get(word);
    if (known) return known;
    const forms = formsOf(word);
    const rows = Int32Array.from(forms.own.map((f) => this.model.rowOf(f)).filter((n): n is number => n !== undefined));
    if (this.words.size >= CACHE_LIMIT) this.words.clear();
    const entry = { rows, key: forms.key };
    this.words.set(word, entry);
    return entry;
  }
}

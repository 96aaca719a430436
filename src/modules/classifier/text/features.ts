import { stemmer } from '@orama/stemmers/turkish';
import { foldTurkish, turkishLower } from '@app/common';

/** A 50,000-character story says what it is about in its first lines; the rest only costs time. */
export const MAX_TEXT_CHARS = 1500;
const MAX_WORDS = 200;
const CACHE_LIMIT = 50_000;

export interface WordForms {
  /** The stem of the folded form: what neighbouring-word pairs are made of. */
  key: string;
  /**
   * The word's own features: `s:` Snowball stems of the word as typed and of its folded form
   * (one when they agree), `c:` character 3- to 5-grams of the folded word with its edges
   * ("<cop", "pler>"), which misspellings keep most of.
   */
  own: string[];
}

const cache = new Map<string, WordForms>();

/** The words of a text: Turkish lower case (İ → i, I → ı), letters and digits only, short numbers dropped. */
export function wordsOf(text: string): string[] {
  const words =
    turkishLower(text.slice(0, MAX_TEXT_CHARS))
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => !/^\p{N}{1,2}$/u.test(w)).slice(0, MAX_WORDS);
}

/**
 * The distinct features of a text: `s:` Snowball stems, `b:` pairs of neighbouring stems,
 * `c:` character n-grams. Text typed without Turkish letters ("coplerimiz") and with them
 * ("çöplerimiz") share the stem of the folded form and all their n-grams.
 */
export function featuresOf(text: string): string[] {
  const features = new Set<string>();
  let previous: string | null = null;
  for (const word of wordsOf(text)) {
    const forms = formsOf(word);
    for (const feature of forms.own) features.add(feature);
    if (previous !== null) features.add(pairOf(previous, forms.key));
    previous = forms.key;
  }
  return [...features];
}

export const pairOf = (previous: string, key: string) => `b:${previous}_${key}`;

/** A word's stems and n-grams, worked out once per process (the vocabulary of messages is small). */
export function formsOf(word: string): WordForms {
  const known = cache.get(word);
  if (known) return known;
  const folded = foldTurkish(word);
  // The stem as typed keeps its Turkish letters ("ölü" → "öl", never "olun"'s "ol"); the folded form's stem is what text typed without them shares.
  const key = stemmer(folded);
  const stems = [...new Set([stemmer(word), key])].map((stem) => `s:${stem}`);
  // One- and two-letter words ("su", "ve") are features as words, never as fragments of others.
  const grams = folded.length > 2 ? nGrams(`<${folded}>`).map((gram) => `c:${gram}`) : [];
  const forms = { key, own: [...stems, ...grams] };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, forms);
  return forms;
}

function nGrams(edged: string): string[] {
  const grams: string[] = [];
  for (let n = 3; n <= 5; n += 1) {
    for (let i = 0; i + n <= edged.length; i += 1) grams.push(edged.slice(i, i + n));
  }
  return grams;
}

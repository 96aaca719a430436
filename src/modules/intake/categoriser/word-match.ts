/** A word of a keyword or mahalle name, with its softened stem worked out once. */
export interface Word {
  text: string;
  /** Turkish softens a final consonant before a vowel suffix: "sokak" → "sokağı" → "sokagi". */
  softened: string | null;
}

export function words(phrase: string): Word[] {
  return phrase.split(' ').map((text) => {
    const softened = text.replace(/k$/, 'g').replace(/p$/, 'b').replace(/t$/, 'd').replace(/ç$/, 'c');
    return { text, softened: softened !== text ? softened : null };
  });
}

/** "cukurlar" matches "cukur" (suffix), "lambasi" matches "lamba"; "cukkur" matches "cukur" (typo). */
export function wordMatches(token: string, { text: word, softened }: Word, fuzzy: boolean): boolean {
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

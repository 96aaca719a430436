import { Word, wordMatches } from './word-match';

/**
 * Which of many phrases occur in a message, trying a phrase only where its first word could
 * match the token: a match as it stands or by a suffix starts with the word's first letter (or
 * its softened stem's); one edit (fuzzy, words of five letters or more) leaves the first or the
 * second letter in place, or moves one of them by one place. The phrases are looked up by
 * those letters, so a message is compared with a few dozen phrases instead of all of them.
 */
export class PhraseIndex {
  /** letter → phrases whose first word (or its softened stem) starts with it */
  private readonly byFirst = new Map<string, number[]>();
  /** letter → phrases whose first word may be misspelt and has it second */
  private readonly fuzzyBySecond = new Map<string, number[]>();

  constructor(
    private readonly phrases: Word[][],
    private readonly fuzzy: boolean,
  ) {
    phrases.forEach(([{ text, softened }], n) => {
      add(this.byFirst, text[0], n);
      if (softened && softened[0] !== text[0]) add(this.byFirst, softened[0], n);
      if (fuzzy && text.length >= 5) add(this.fuzzyBySecond, text[1], n);
    });
  }

  /** `found[n]`: phrase n occurs in the tokens, word by word, each word matching as `wordMatches` says. */
  found(tokens: string[]): boolean[] {
    const found = new Array<boolean>(this.phrases.length).fill(false);
    for (let i = 0; i < tokens.length; i += 1) {
      const [t0, t1] = tokens[i];
      for (const candidates of this.candidates(t0, t1)) {
        for (const n of candidates) {
          if (!found[n]) found[n] = this.occursAt(tokens, i, this.phrases[n]);
        }
      }
    }
    return found;
  }

  private candidates(t0: string, t1: string | undefined): number[][] {
    const lists = [this.byFirst.get(t0)];
    // A first letter misspelt (t1 = w1), dropped (t0 = w1), doubled or inserted before it (t1 = w0), or swapped.
    if (this.fuzzy)
      lists.push(
        t1 === undefined ? undefined : this.fuzzyBySecond.get(t1),
        this.fuzzyBySecond.get(t0),
        t1 === undefined || t1 === t0 ? undefined : this.byFirst.get(t1),
      );
    return lists.filter((list): list is number[] => list !== undefined);
  }

  private occursAt(tokens: string[], i: number, phrase: Word[]): boolean {
    if (i + phrase.length > tokens.length) return false;
    for (let j = 0; j < phrase.length; j += 1) if (!wordMatches(tokens[i + j], phrase[j], this.fuzzy)) return false;
    return true;
  }
}

function add(index: Map<string, number[]>, letter: string, n: number): void {
  const list = index.get(letter);
  if (list) list.push(n);
  else index.set(letter, [n]);
}

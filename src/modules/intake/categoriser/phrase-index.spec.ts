import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldTurkish } from '@app/common';
import { CATEGORISER_FIXTURES } from './categoriser.fixtures';
import { PhraseIndex } from './phrase-index';
import { Word, wordMatches, words } from './word-match';

const data: { categories: { keywords: string[] }[] } = JSON.parse(readFileSync(join(__dirname, '../../../../data/municipality.json'), 'utf8'));
const phrases: Word[][] = data.categories.flatMap((c) => c.keywords.map((k) => words(foldTurkish(k))));

/** Every phrase tried at every position: what the index must agree with. */
const everywhere = (tokens: string[], fuzzy: boolean) =>
  phrases.map((phrase) => tokens.some((_, i) => i + phrase.length <= tokens.length && phrase.every((w, j) => wordMatches(tokens[i + j], w, fuzzy))));

/** The keyword's first word with its first letters misspelt in each way one edit can. */
function misspelt(word: string): string[] {
  const [a, b, ...rest] = word;
  return [`x${b}${rest.join('')}`, `${b}${rest.join('')}`, `${a}${a}${b}${rest.join('')}`, `x${word}`, `${b}${a}${rest.join('')}`, `${a}x${rest.join('')}`];
}

describe('PhraseIndex', () => {
  it('finds the same phrases as trying every phrase at every position, with and without typos', () => {
    const messages = CATEGORISER_FIXTURES.map(([text]) => text);
    for (const phrase of phrases)
      for (const typo of misspelt(phrase[0].text)) messages.push(`dün ${[typo, ...phrase.slice(1).map((w) => w.text)].join(' ')}lar var`);
    const fuzzy = new PhraseIndex(phrases, true);
    const exact = new PhraseIndex(phrases, false);
    let typosFound = 0;
    for (const message of messages) {
      const tokens = foldTurkish(message)
        .replace(/[^a-z0-9\s]/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
      expect([message, fuzzy.found(tokens)]).toEqual([message, everywhere(tokens, true)]);
      expect([message, exact.found(tokens)]).toEqual([message, everywhere(tokens, false)]);
      typosFound += fuzzy.found(tokens).filter(Boolean).length;
    }
    // The misspellings are found through the fuzzy lookups, not only through exact first letters.
    expect(typosFound).toBeGreaterThan(phrases.length * 3);
  });
});

const FOLD: Record<string, string> = {
  ç: 'c',
  ğ: 'g',
  ı: 'i',
  ö: 'o',
  ş: 's',
  ü: 'u',
  â: 'a',
  î: 'i',
  û: 'u',
};

/** The only letters Turkish lower-cases otherwise than the default rules do: I, İ, and a combining dot above after I. */
const TURKISH_CASING = /I|\u0130|\u0307/;

/**
 * Lower-cases with Turkish rules: "I" → "ı", "İ" → "i". A text without those letters takes the
 * default rules, which give the same and cost a quarter: intake folds every message's text
 * several times (categorising, the search text), and the locale's rules cost about 6 µs a call.
 */
export function turkishLower(text: string): string {
  return TURKISH_CASING.test(text) ? text.toLocaleLowerCase('tr-TR') : text.toLowerCase();
}

/**
 * The search key of a text: Turkish lower case, then Turkish letters and circumflexes
 * folded to ASCII, whitespace collapsed. "Şikâyet" and "sikayet" fold alike, and so do
 * "IŞIK", "ışık" and "ISIK".
 */
export function foldTurkish(text: string): string {
  return turkishLower(text)
    .normalize('NFC')
    .replace(/[çğıöşüâîû]/g, (ch) => FOLD[ch])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Compares with Turkish collation, for lists people read. */
export const turkishCollator = new Intl.Collator('tr-TR', { sensitivity: 'base' });

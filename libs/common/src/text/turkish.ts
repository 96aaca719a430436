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

/** Lower-cases with Turkish rules: "I" → "ı", "İ" → "i". */
export function turkishLower(text: string): string {
  return text.toLocaleLowerCase('tr-TR');
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

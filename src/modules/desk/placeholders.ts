/** The placeholders a canned answer may hold, filled from the ticket it answers. */
export const PLACEHOLDERS = ['takipNo', 'adSoyad', 'tarih', 'birim', 'konu'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const SLOT = /\{([^{}]*)\}/g;

/** The `{…}` in a text that are not placeholders, in order, once each. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(SLOT)].map((m) => m[1]);
  return [...new Set(names.filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name)))];
}

/** The text with every placeholder replaced by its value. */
export function fillPlaceholders(text: string, values: Record<Placeholder, string>): string {
  return text.replace(SLOT, (slot, name: string) => ((PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : slot));
}

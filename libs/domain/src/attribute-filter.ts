/** A filter on one of a category's extra fields, `code=value`: the ticket list's and the reports'. */
export const ATTRIBUTE_FILTER = /^[a-z][a-z0-9_]{0,39}=.{1,200}$/s;

export const ATTRIBUTE_FILTER_MESSAGE = 'attribute: kod=değer biçiminde olmalı (plaka=34ABC123)';

/** `plaka=34 ABC 123` → the field code and the value, split at the first `=`. */
export function splitAttributeFilter(filter: string): [string, string] {
  const at = filter.indexOf('=');
  return [filter.slice(0, at), filter.slice(at + 1)];
}

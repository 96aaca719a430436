// Phone numbers (+90 5xx…, 05xx…, 5xx xxx xx xx), 11-digit TC Kimlik numbers and e-mail
// addresses never reach a log line in clear (KVKK).
const PATTERNS: [RegExp, (match: string) => string][] = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, (m) => `${m[0]}***@${m.split('@')[1]}`],
  [/(?<!\d)(\+?90[\s-]?)?\(?0?5\d{2}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)/g, (m) => `***${m.slice(-2)}`],
  [/(?<!\d)[1-9]\d{10}(?!\d)/g, () => '***********'],
];

export function redactText(text: string): string {
  return PATTERNS.reduce((acc, [pattern, mask]) => acc.replace(pattern, mask), text);
}

const SECRET_KEYS = /pass(word)?|secret|token|authorization|tc_?kimlik|tckn/i;

/** Deep copy of a log payload with secrets dropped and personal data masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SECRET_KEYS.test(key) ? '[redacted]' : redact(item, depth + 1)]));
}

/** A repeatable stream of random numbers (mulberry32): the same seed sends the same requests. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stands for bytes JSON cannot hold (a number past double range, invalid UTF-8): replaced after serialising. */
const RAW = { huge: '__raw_huge__', badUtf8: '__raw_bad_utf8__' } as const;

/** Values that no field should turn into a 5xx. */
export const BAD_VALUES: { name: string; value: unknown }[] = [
  { name: 'null', value: null },
  { name: 'a number', value: 12345 },
  { name: 'a negative number', value: -1 },
  { name: 'a boolean', value: true },
  { name: 'an array', value: ['x', 1] },
  { name: 'an object', value: { nested: { deeper: 'x' } } },
  { name: 'an empty string', value: '' },
  { name: 'a 1 MB string', value: 'ş'.repeat(512 * 1024) },
  { name: 'NUL', value: 'ab\u0000cd' },
  { name: 'a lone surrogate', value: 'ab\ud800cd' },
  { name: 'an unknown enum value', value: 'bilinmeyen_deger' },
  { name: 'a huge number', value: RAW.huge },
  { name: 'invalid UTF-8', value: RAW.badUtf8 },
  { name: 'a SQL fragment', value: "x'); DROP TABLE tickets; --" },
  { name: 'a not-a-uuid id', value: 'not-a-uuid' },
  { name: 'a date far away', value: '99999-12-31T00:00:00Z' },
];

/** Query values and path segments that must be refused cleanly. */
export const BAD_SEGMENTS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '%00',
  '%E0%A4%A',
  '%ED%A0%80',
  '..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(2000),
  '1e400',
  '-1',
  '%C3%28',
];

/** Serialises a JSON body, putting the raw stand-ins' bytes in their places. */
export function jsonBytes(body: unknown): Buffer {
  const text = JSON.stringify(body);
  const parts = text.split(/("__raw_huge__"|"__raw_bad_utf8__")/);
  return Buffer.concat(
    parts.map((part) =>
      part === `"${RAW.huge}"` ? Buffer.from('1e400') : part === `"${RAW.badUtf8}"` ? Buffer.from([0x22, 0xc3, 0x28, 0x22]) : Buffer.from(part),
    ),
  );
}

/** Percent-encoding that writes a lone surrogate as the (invalid) bytes a broken client would send. */
function percentEncoded(text: string): string {
  return text
    .split(/([\ud800-\udfff])/)
    .map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

/** Form fields as a provider posts them, with a raw stand-in's bytes where it is. */
export function formText(body: Record<string, unknown>): string {
  return Object.entries(body)
    .map(([key, value]) => {
      const text = value === RAW.badUtf8 ? '%C3%28' : value === RAW.huge ? '1e400' : percentEncoded(typeof value === 'string' ? value : JSON.stringify(value));
      return `${encodeURIComponent(key)}=${text}`;
    })
    .join('&');
}

/** Every path to a leaf value of a request body (at most `depth` deep): where a bad value goes. */
export function leafPaths(value: unknown, depth = 6, prefix: (string | number)[] = []): (string | number)[][] {
  if (depth === 0 || value === null || typeof value !== 'object') return prefix.length ? [prefix] : [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  const own = prefix.length ? [prefix] : [];
  return [...own, ...entries.flatMap(([key, child]) => leafPaths(child, depth - 1, [...prefix, key]))];
}

/** A copy of `body` with the value at `path` replaced. */
export function withValue(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

/** The JSON text of a value nested `depth` deep (written out: serialising it would overflow the stack). */
export function nestedJson(depth: number): Buffer {
  return Buffer.from(`${'{"a":['.repeat(depth)}"x"${']}'.repeat(depth)}`);
}

import { timeOrderedId } from './time-ordered-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedId', () => {
  it('is a version 7 UUID with the RFC 9562 variant', () => {
    for (let i = 0; i < 1000; i++) expect(timeOrderedId()).toMatch(UUID_V7);
  });

  it('carries the Unix time in milliseconds in its first 48 bits', () => {
    const at = Date.UTC(2026, 11, 6, 19, 30, 15, 123);
    const id = timeOrderedId(at);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
    expect(timeOrderedId(0).startsWith('00000000-0000-7')).toBe(true);
  });

  it('sorts ids of later milliseconds after earlier ones as text (the byte order PostgreSQL sorts uuids in)', () => {
    const start = Date.UTC(2026, 0, 1);
    const ids = Array.from({ length: 500 }, (_, i) => timeOrderedId(start + i * 37));
    expect([...ids].reverse().sort()).toEqual(ids);
  });

  it('differs within one millisecond', () => {
    const at = Date.now();
    expect(new Set(Array.from({ length: 10_000 }, () => timeOrderedId(at))).size).toBe(10_000);
  });
});

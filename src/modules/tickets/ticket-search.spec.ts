import { parseSearch } from './ticket-search';

const validTc = (value: string) => value === '10000000146';

describe('parseSearch', () => {
  it.each([
    ['2026-000123', { kind: 'tracking', trackingNo: '2026-000123' }],
    [' Ayse.Yilmaz@Example.com ', { kind: 'email', email: 'ayse.yilmaz@example.com' }],
    ['10000000146', { kind: 'tcKimlik', tcKimlikNo: '10000000146' }],
    ['0532 123 45 67', { kind: 'phone', phone: '+905321234567' }],
    ['5321234567', { kind: 'phone', phone: '+905321234567' }],
    ['+90 532 123 45 67', { kind: 'phone', phone: '+905321234567' }],
    ['(532) 123-4567', { kind: 'phone', phone: '+905321234567' }],
    ['0090 532 123 4567', { kind: 'phone', phone: '+905321234567' }],
    ['Ayşe YILMAZ', { kind: 'text', folded: 'ayse yilmaz' }],
    // Eleven digits failing the checksum are not a T.C. number; not a valid phone either: words.
    ['12345678901', { kind: 'text', folded: '12345678901' }],
    ['2026', { kind: 'text', folded: '2026' }],
    ['532 123', { kind: 'text', folded: '532 123' }],
  ])('reads %j', (q, term) => {
    expect(parseSearch(q, validTc)).toEqual(term);
  });
});

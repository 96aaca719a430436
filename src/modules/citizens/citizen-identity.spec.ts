import { maskEmail, maskPhone, normalizePhone } from '@app/domain';
import { hashTcKimlik, isValidTcKimlik, maskTcKimlik } from './tc-kimlik';

describe('normalizePhone', () => {
  it.each([
    ['0532 123 45 67', '+905321234567'],
    ['5321234567', '+905321234567'],
    ['+90 (532) 123-45-67', '+905321234567'],
    ['00905321234567', '+905321234567'],
    ['905321234567', '+905321234567'],
    ['0 (212) 555 12 12', '+902125551212'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('normalises %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['12345', '0532 123 45', 'telefon', '+90 000 000 00 00'])('refuses %s', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('masking', () => {
  it('keeps only the country code, first digit and last two of a Turkish mobile', () => {
    expect(maskPhone('+905321234567')).toBe('+90 5** *** ** 67');
  });
  it('masks e-mail and TC Kimlik', () => {
    expect(maskEmail('ayse.yilmaz@example.com')).toBe('a***@example.com');
    expect(maskTcKimlik('46')).toBe('*********46');
  });
});

describe('TC Kimlik No', () => {
  it.each(['10000000146', '11111111110', '12345678950'])('accepts the valid number %s', (value) => {
    expect(isValidTcKimlik(value)).toBe(true);
  });

  it.each(['10000000145', '01234567890', '1234567895', '1234567895a', '12345678951'])('refuses %s', (value) => {
    expect(isValidTcKimlik(value)).toBe(false);
  });

  it('hashes with the key so the same number matches and another key does not', () => {
    const a = hashTcKimlik('10000000146', 'k1'.repeat(16));
    expect(a).toBe(hashTcKimlik('10000000146', 'k1'.repeat(16)));
    expect(a).not.toBe(hashTcKimlik('10000000146', 'k2'.repeat(16)));
    expect(a).not.toContain('10000000146');
  });
});

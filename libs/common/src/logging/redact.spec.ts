import { redact, redactText } from './redact';

describe('redact', () => {
  it.each([
    ['arayan +905321234567 geri aranacak', 'arayan ***67 geri aranacak'],
    ['tel 0532 123 45 67', 'tel ***67'],
    ['tc 10000000146 doğrulandı', 'tc *********** doğrulandı'],
    ['eposta ayse@example.com', 'eposta a***@example.com'],
  ])('masks %s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('leaves tracking numbers and ids readable', () => {
    expect(redactText('ticket 2026-000123 routed')).toBe('ticket 2026-000123 routed');
  });

  it('drops secrets by key and masks nested strings', () => {
    expect(redact({ user: 'agent', password: 'x', nested: { phone: '+905321234567', tcKimlikNo: '10000000146' } })).toEqual({
      user: 'agent',
      password: '[redacted]',
      nested: { phone: '***67', tcKimlikNo: '[redacted]' },
    });
  });
});

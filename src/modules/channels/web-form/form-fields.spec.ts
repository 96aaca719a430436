import { checkbox, optionalNumber, optionalText, phoneNumber, ticketKind } from './form-fields';

const raw = (value: unknown) => ({ value });

describe('web form field conversions', () => {
  it('treats an empty input as not sent', () => {
    expect(optionalText(raw('   '))).toBeUndefined();
    expect(optionalNumber(raw(''))).toBeUndefined();
    expect(phoneNumber(raw(''))).toBeUndefined();
    expect(optionalText(raw('  Atatürk Cd. 5 '))).toBe('Atatürk Cd. 5');
  });

  it('reads numbers written with a decimal comma and leaves garbage for the validator', () => {
    expect(optionalNumber(raw('41,0082'))).toBeCloseTo(41.0082);
    expect(optionalNumber(raw('28.97'))).toBeCloseTo(28.97);
    expect(optionalNumber(raw('kuzey'))).toBeNaN();
  });

  it('reads a ticked checkbox however the client spells it, and nothing else as consent', () => {
    expect([true, 'true', 'on', '1'].map((v) => checkbox(raw(v)))).toEqual([true, true, true, true]);
    expect([undefined, '', 'false', '0', false].map((v) => checkbox(raw(v)))).toEqual([false, false, false, false, false]);
    expect(checkbox(raw('evet'))).toBe('evet');
  });

  it('accepts a kind typed with or without Turkish letters', () => {
    expect(ticketKind(raw('Şikâyet'))).toBe('sikayet');
    expect(ticketKind(raw('Bilgi edinme'))).toBe('bilgi_edinme');
    expect(ticketKind(raw('ÖNERİ'))).toBe('oneri');
  });

  it('normalises a Turkish phone number to E.164 and keeps an invalid one as typed', () => {
    expect(phoneNumber(raw('0532 123 45 67'))).toBe('+905321234567');
    expect(phoneNumber(raw('12345'))).toBe('12345');
  });
});

import { matchersFor, redactJson, redactText } from './redaction';

const person = { names: ['Ayşe Yılmaz'], phones: ['+905441230001'], emails: ['ayse.yilmaz@example.com'] };
const m = matchersFor(person);

describe('redacting a person out of free text', () => {
  it('takes out the name as written, in either case and folded, as whole words only', () => {
    expect(redactText('Ben Ayşe Yılmaz, AYŞE YILMAZ; ayse yilmaz', m)).toBe('Ben ***, ***; ***');
    expect(redactText('Yılmaz Bey aradı; ayşegül değil', m)).toBe('*** Bey aradı; ayşegül değil');
  });

  it('takes out the phone however it is spaced or prefixed, and any e-mail or eleven-digit number', () => {
    expect(redactText('Tel: 0544 123 00 01, +90 (544) 123-0001, 905441230001@c.us', m)).toBe('Tel: ***, ***, ***');
    expect(redactText('ayse.yilmaz@example.com ve baska@ornek.org yazdı', m)).toBe('*** ve *** yazdı');
    expect(redactText('T.C. 12345678950, sipariş 123456', m)).toBe('T.C. ***, sipariş 123456');
  });

  it('keeps a JSON document valid, redacting only its strings', () => {
    expect(redactJson({ From: '+905441230001', ProfileName: 'Ayşe', Body: 'Merhaba Ayşegül', n: 3, list: ['Yılmaz'] }, m)).toEqual({
      From: '***',
      ProfileName: '***',
      Body: 'Merhaba Ayşegül',
      n: 3,
      list: ['***'],
    });
  });
});

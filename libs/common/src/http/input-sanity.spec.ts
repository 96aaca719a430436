import { findUnusableInput, MAX_INPUT_DEPTH } from './input-sanity';

describe('findUnusableInput', () => {
  const nested = (depth: number) => {
    let value: unknown = 'x';
    for (let i = 0; i < depth; i++) value = { a: value };
    return value;
  };

  it.each([
    ['a plain request', { subject: 'Çukur', citizen: { fullName: 'Ayşe', tags: ['a', 'b'] }, n: 3 }, null],
    ['an emoji (a surrogate pair)', { text: 'Teşekkürler 👍' }, null],
    ['a NUL in a nested field', { citizen: { fullName: 'Ay\u0000şe' } }, 'citizen.fullName'],
    ['a lone high surrogate', { items: ['ok', 'bad \uD83D'] }, 'items[1]'],
    ['a lone low surrogate', { text: '\uDC00 start' }, 'text'],
    ['a NUL in a key', { ['k\u0000']: 1 }, 'body'],
    ['an infinite number', { page: Infinity }, 'page'],
  ])('%s', (_, input, field) => {
    expect(findUnusableInput(input)?.field ?? null).toBe(field);
  });

  it('accepts nesting up to the limit and refuses one level more, without recursing', () => {
    expect(findUnusableInput(nested(MAX_INPUT_DEPTH))).toBeNull();
    expect(findUnusableInput(nested(MAX_INPUT_DEPTH + 1))?.message).toContain('iç içe');
    // Would overflow the stack if it recursed.
    expect(findUnusableInput(nested(200_000))).not.toBeNull();
  });

  it('names a query parameter by its own name', () => {
    expect(findUnusableInput('a\u0000', 'trackingNo')).toEqual({ field: 'trackingNo', message: 'trackingNo: metin NUL karakteri içeremez' });
  });
});

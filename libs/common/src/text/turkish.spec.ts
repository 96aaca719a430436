import { foldTurkish, turkishCollator, turkishLower } from './turkish';

describe('Turkish text', () => {
  it('lower-cases the dotted and dotless I the Turkish way', () => {
    expect(turkishLower('IŞIK')).toBe('ışık');
    expect(turkishLower('İSTANBUL')).toBe('istanbul');
  });

  it('lower-cases every character, and I, İ and the combining dot above in company, as the tr-TR locale does', () => {
    const differing: string[] = [];
    for (let code = 0; code <= 0x10ffff; code += code < 0x3000 ? 1 : 61) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `A${String.fromCodePoint(code)}b`;
      if (turkishLower(text) !== text.toLocaleLowerCase('tr-TR')) differing.push(code.toString(16));
    }
    expect(differing).toEqual([]);
    for (const text of ['I\u0307', 'I\u0301\u0307', 'ΟΔΟΣ ΚΑΙ ΣΟΦΙΑ', 'İİ ıi Iı', 'ǅ ǈ ẞ']) expect(turkishLower(text)).toBe(text.toLocaleLowerCase('tr-TR'));
  });

  it.each([
    ['Şikâyet', 'sikayet'],
    ['ŞİKAYET', 'sikayet'],
    ['ışık', 'isik'],
    ['ISIK', 'isik'],
    ['IŞIK', 'isik'],
    ['Çöp  toplanmadı', 'cop toplanmadi'],
    ['Güzelyalı Mahallesi', 'guzelyali mahallesi'],
    ['Kâğıt', 'kagit'],
  ])('folds %s to %s', (input, folded) => {
    expect(foldTurkish(input)).toBe(folded);
  });

  it('folds decomposed input the same as composed input', () => {
    expect(foldTurkish('s\u0327ikâyet')).toBe('sikayet');
  });

  it('sorts with Turkish collation (ç after c, ş after s)', () => {
    const sorted = ['Şahin', 'Çiftlik', 'Zafer', 'Cumhuriyet', 'Sahil'].sort(turkishCollator.compare);
    expect(sorted).toEqual(['Cumhuriyet', 'Çiftlik', 'Sahil', 'Şahin', 'Zafer']);
  });
});

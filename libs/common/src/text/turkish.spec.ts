import { foldTurkish, turkishCollator, turkishLower } from './turkish';

describe('Turkish text', () => {
  it('lower-cases the dotted and dotless I the Turkish way', () => {
    expect(turkishLower('IŞIK')).toBe('ışık');
    expect(turkishLower('İSTANBUL')).toBe('istanbul');
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

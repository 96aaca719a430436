import { featuresOf, wordsOf } from './features';

const stems = (text: string) => featuresOf(text).filter((f) => f.startsWith('s:'));
const shared = (a: string, b: string) => featuresOf(a).filter((f) => featuresOf(b).includes(f));

describe('Turkish features', () => {
  it('lower-cases the Turkish way, dotted and dotless I alike', () => {
    expect(wordsOf('KALDIRIM İSTİKLAL')).toEqual(['kaldırım', 'istiklal']);
    expect(featuresOf('KALDIRIM')).toEqual(expect.arrayContaining(featuresOf('kaldirim').filter((f) => !f.startsWith('s:'))));
  });

  it('gives text typed without Turkish letters the stems and n-grams of the same text with them', () => {
    expect(stems('çöplerimiz toplanmadı')).toEqual(expect.arrayContaining(stems('coplerimiz toplanmadi')));
    expect(stems('kaldırımlar')).toEqual(expect.arrayContaining(stems('kaldirimlar')));
    expect(shared('çöp kamyonu', 'cop kamyonu').filter((f) => f.startsWith('c:')).length).toBeGreaterThan(10);
  });

  it('stems with the Snowball Turkish stemmer: suffixes go, the stem stays', () => {
    expect(stems('çukurlar')).toContain('s:çukur');
    expect(stems('köpekler')).toContain('s:köpek');
    expect(stems('parktaki')).toContain('s:park');
  });

  it('keeps short common words from matching unrelated stems', () => {
    expect(shared('ölü', 'oluyor').filter((f) => f.startsWith('s:'))).toEqual([]);
    // Typed with its letters, "ölü" has a stem no form of "olmak" has.
    expect(stems('ölü')).toContain('s:öl');
    expect(stems('olun')).not.toContain('s:öl');
    expect(shared('çocuklar', 'göçük').filter((f) => f.startsWith('s:'))).toEqual([]);
    expect(shared('yapmak', 'yaprak').filter((f) => f.startsWith('s:'))).toEqual([]);
    expect(shared('başlıyor', 'yaşlı').filter((f) => f.startsWith('s:'))).toEqual([]);
    expect(featuresOf('su ve')).toEqual(['s:su', 's:ve', 'b:su_ve']);
  });

  it('reads only the start of a very long message, and nothing from emojis or house numbers', () => {
    expect(wordsOf('çöp '.repeat(20_000)).length).toBeLessThanOrEqual(200);
    expect(featuresOf('😀🙏 12 5')).toEqual([]);
  });
});

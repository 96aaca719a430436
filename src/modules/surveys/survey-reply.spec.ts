import { parseSurveyReply } from './survey-reply';

describe('parseSurveyReply', () => {
  it.each([
    ['5', { score: 5, solved: null, comment: null }],
    [' 3 ', { score: 3, solved: null, comment: null }],
    ['5.', { score: 5, solved: null, comment: null }],
    ['4/5', { score: 4, solved: null, comment: null }],
    ['4 / 5 idare eder', { score: 4, solved: null, comment: 'idare eder' }],
    ['3 puan, biraz geç kaldınız', { score: 3, solved: null, comment: 'biraz geç kaldınız' }],
    ['5 yıldız', { score: 5, solved: null, comment: null }],
    ['4 teşekkürler', { score: 4, solved: null, comment: 'teşekkürler' }],
    ['4 TEŞEKKÜRLER', { score: 4, solved: null, comment: 'TEŞEKKÜRLER' }],
    ['5 tesekkurler', { score: 5, solved: null, comment: 'tesekkurler' }],
    ['5, çok memnun kaldım', { score: 5, solved: null, comment: 'çok memnun kaldım' }],
    ['4 - sağ olun', { score: 4, solved: null, comment: 'sağ olun' }],
    ['5 çözüldü teşekkürler', { score: 5, solved: true, comment: 'çözüldü teşekkürler' }],
    ['2 çözülmedi', { score: 2, solved: false, comment: 'çözülmedi' }],
    ['1 berbat, sorun devam ediyor', { score: 1, solved: false, comment: 'berbat, sorun devam ediyor' }],
    ['0', { score: null, solved: false, comment: null }],
    ['0 hâlâ çukur var', { score: null, solved: false, comment: 'hâlâ çukur var' }],
    ['çözülmedi', { score: null, solved: false, comment: null }],
    ['Çözülmedi', { score: null, solved: false, comment: null }],
    ['cozulmedi', { score: null, solved: false, comment: null }],
    ['ÇÖZÜLMEDİ!', { score: null, solved: false, comment: null }],
    ['Sorunum hâlâ çözülmedi, çukur duruyor', { score: null, solved: false, comment: 'çukur duruyor' }],
    ['çözülmemiş', { score: null, solved: false, comment: null }],
    ['çözüldü', { score: null, solved: true, comment: null }],
    ['çözüldü 5', { score: 5, solved: true, comment: null }],
    ['Çözüldü, 4/5 teşekkürler', { score: 4, solved: true, comment: 'teşekkürler' }],
  ])('reads %j', (text, expected) => {
    expect(parseSurveyReply(text)).toEqual(expected);
  });

  it.each([
    '',
    '   ',
    '6',
    '10',
    '55',
    '4.5',
    '3,5',
    '-1',
    'beş',
    'teşekkürler',
    'merhaba',
    '5 gündür su yok',
    '1- Çöpler toplanmıyor 2- Lamba yanmıyor',
    '2 nolu sokakta çukur var',
    '5. sokakta lamba yanmıyor',
    '3 gece boyunca gürültü',
    'Çözümünü bekliyorum',
    'başvurum çözülmedi diye yazmıştım',
  ])('treats %j as an ordinary message', (text) => {
    expect(parseSurveyReply(text)).toBeNull();
  });

  it('keeps at most 1000 characters of comment', () => {
    expect(parseSurveyReply(`4 teşekkürler ${'a'.repeat(2000)}`)!.comment).toHaveLength(1000);
  });
});

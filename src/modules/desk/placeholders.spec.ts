import { fillPlaceholders, unknownPlaceholders } from './placeholders';

describe('canned answer placeholders', () => {
  const values = { takipNo: '2026-000123', adSoyad: 'Ayşe Yılmaz', tarih: '6 Aralık 2026', birim: 'Fen İşleri', konu: 'Çukur' };

  it('fills every known placeholder, as often as it appears', () => {
    expect(fillPlaceholders('Sayın {adSoyad}, {takipNo} ({konu}) {birim} tarafından {tarih} günü yanıtlandı. {takipNo}', values)).toBe(
      'Sayın Ayşe Yılmaz, 2026-000123 (Çukur) Fen İşleri tarafından 6 Aralık 2026 günü yanıtlandı. 2026-000123',
    );
  });

  it('names the unknown ones, once each, and only them', () => {
    expect(unknownPlaceholders('{adSoyad} {ad} {telefon} {ad} {} {TakipNo}')).toEqual(['ad', 'telefon', '', 'TakipNo']);
    expect(unknownPlaceholders('Düz metin { ve } işaretler')).toEqual([' ve ']);
    expect(unknownPlaceholders('{takipNo} {tarih}')).toEqual([]);
  });
});

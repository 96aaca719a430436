import { missingRequiredFields, NOTICE_TEMPLATES, NoticePurpose, renderNotice, unknownFields } from './citizen-notice';

const context = { municipality: 'Örnek Belediyesi', trackingNo: '2026-000042', statusUrl: 'https://cozum.example/durum/2026-000042' };

describe('citizen notices', () => {
  it('tells the citizen the tracking number and where to follow it, in Turkish', () => {
    const notice = renderNotice(NoticePurpose.Received, 'tr', context);
    expect(notice.subject).toBe('2026-000042 numaralı başvurunuz alındı');
    expect(notice.body).toContain('Başvuru numaranız: 2026-000042');
    expect(notice.body).toContain('https://cozum.example/durum/2026-000042');
  });

  it('carries the answer, the reason, the institution and the original number', () => {
    expect(renderNotice(NoticePurpose.Answered, 'tr', { ...context, text: 'Çukur kapatıldı.' }).body).toContain('yanıtlandı: Çukur kapatıldı.');
    expect(renderNotice(NoticePurpose.Rejected, 'en', { ...context, text: 'Private land' }).body).toContain('Reason: Private land');
    expect(renderNotice(NoticePurpose.Referred, 'tr', { ...context, institution: 'İSKİ' }).body).toContain('İSKİ kurumuna');
    expect(renderNotice(NoticePurpose.Merged, 'tr', { ...context, originalTrackingNo: '2026-000007' }).body).toContain('2026-000007 numaralı');
  });

  it('leaves no placeholder unfilled when a value is missing', () => {
    const notice = renderNotice(NoticePurpose.Referred, 'tr', { ...context, institution: 'TEDAŞ' });
    expect(notice.body).not.toMatch(/[{}]/);
  });

  it('every shipped template uses only known fields, in both languages', () => {
    for (const byLocale of Object.values(NOTICE_TEMPLATES)) {
      for (const template of Object.values(byLocale)) {
        expect(unknownFields(template.subject + template.body)).toEqual([]);
      }
    }
    expect(unknownFields('Sayın {citizenName}, {trackingNo}')).toEqual(['citizenName']);
  });

  it('a Law 4982 refusal names its reason, the exemption article and both remedies, in either language', () => {
    const refusal = {
      ...context,
      text: 'Başvurulan belge üçüncü kişilerin sağlık bilgilerini içeriyor.',
      exemptions: '4982 sayılı Kanun m. 21 (Özel hayatın gizliliği): sağlık bilgisi',
    };
    const tr = renderNotice(NoticePurpose.InformationRefused, 'tr', refusal).body;
    expect(tr).toContain('Gerekçe: Başvurulan belge üçüncü kişilerin sağlık bilgilerini içeriyor.');
    expect(tr).toContain('Dayanak: 4982 sayılı Kanun m. 21 (Özel hayatın gizliliği)');
    expect(tr).toContain('15 gün içinde Bilgi Edinme Değerlendirme Kurulu’na itiraz');
    expect(tr).toContain('60 gün içinde idare mahkemesinde dava');
    expect(renderNotice(NoticePurpose.InformationPartial, 'en', refusal).body).toContain('within 60 days (Law 2577 art. 7)');
  });

  it('keeps what the law makes a notice say in a municipality’s own wording', () => {
    expect(missingRequiredFields(NoticePurpose.InformationRefused, 'Başvurunuz reddedildi: {text}')).toEqual(['exemptions', 'remedies']);
    expect(missingRequiredFields(NoticePurpose.FeeNotice, 'Ücret {amount}, son gün {payBy}')).toEqual([]);
    expect(missingRequiredFields(NoticePurpose.Answered, 'Yanıt')).toEqual([]);
    for (const purpose of Object.values(NoticePurpose)) {
      for (const locale of ['tr', 'en'] as const)
        expect([purpose, locale, missingRequiredFields(purpose, NOTICE_TEMPLATES[purpose][locale].body)]).toEqual([purpose, locale, []]);
    }
  });
});

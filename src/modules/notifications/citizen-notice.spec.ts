import { NOTICE_TEMPLATES, NoticePurpose, renderNotice, unknownFields } from './citizen-notice';

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
});

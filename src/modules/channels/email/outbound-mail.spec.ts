import { isAutomaticOutbound, mailSubject, mailThreading, stableMessageId } from './outbound-mail';

describe('outbound mail', () => {
  it('derives the Message-ID from the outbox row', () => {
    expect(stableMessageId('7d1f7c1e-0000-4000-8000-000000000001', 'belediye.bel.tr')).toBe('<7d1f7c1e-0000-4000-8000-000000000001@belediye.bel.tr>');
  });

  it('puts the tracking number in the subject once', () => {
    expect(mailSubject('Çukur hakkında', '2026-000042')).toBe('[2026-000042] Çukur hakkında');
    expect(mailSubject('Re: [2026-000042] Çukur hakkında', '2026-000042')).toBe('Re: [2026-000042] Çukur hakkında');
    expect(mailSubject(null, '2026-000042')).toBe('[2026-000042] Başvurunuz hakkında');
    expect(mailSubject('Bildirim', null)).toBe('Bildirim');
  });

  it('treats everything but a staff reply as automatic unless meta says otherwise', () => {
    expect(isAutomaticOutbound({ purpose: 'reply', meta: {} })).toBe(false);
    expect(isAutomaticOutbound({ purpose: 'received', meta: {} })).toBe(true);
    expect(isAutomaticOutbound({ purpose: 'reply', meta: { automatic: true } })).toBe(true);
    expect(isAutomaticOutbound({ purpose: 'escalation', meta: { automatic: false } })).toBe(false);
  });

  it('threads a reply onto the citizen mail and marks automatic mail', () => {
    const reply = mailThreading({ purpose: 'reply', meta: { inReplyTo: '<c2@x>', references: ['<c1@x>', '<c2@x>'] } }, '<o@b>');
    expect(reply).toEqual({ messageId: '<o@b>', inReplyTo: '<c2@x>', references: ['<c1@x>', '<c2@x>'], headers: {} });
    const notice = mailThreading({ purpose: 'received', meta: {} }, '<o@b>');
    expect(notice).toEqual({ messageId: '<o@b>', headers: { 'Auto-Submitted': 'auto-replied' } });
  });
});

import { normaliseEmail, trackingNoIn } from './email.normaliser';
import { UnusablePayloadError } from './inbound-message';

describe('e-mail normaliser', () => {
  it('finds a tracking number in the subject', () => {
    expect(trackingNoIn('Re: [2026-000042] Çukur')).toBe('2026-000042');
    expect(trackingNoIn('2026-1234567 hakkında')).toBe('2026-1234567');
    expect(trackingNoIn('Toplantı 2026-11-25')).toBeNull();
    expect(trackingNoIn('Fatura 12026-000042-3')).toBeNull();
    expect(trackingNoIn(null)).toBeNull();
  });

  it('carries the thread hints, media refs and the automatic flag', () => {
    const message = normaliseEmail({
      from: { address: 'Ayse@Example.com', name: 'Ayşe' },
      subject: 'Re: [2026-000042] Çukur',
      text: 'Merhaba',
      inReplyTo: '<o2@bel>',
      references: ['<o1@bel>', '<o2@bel>'],
      automatic: true,
      attachments: [{ id: 'm1', url: '/api/v1/media/m1', contentType: 'image/jpeg', size: 10, filename: 'a.jpg' }],
    });
    expect(message).toMatchObject({
      identity: { kind: 'email', value: 'ayse@example.com' },
      thread: { trackingNo: '2026-000042', replyTo: ['<o2@bel>', '<o1@bel>'] },
      automatic: true,
      media: [{ url: '/api/v1/media/m1', contentType: 'image/jpeg', size: 10, filename: 'a.jpg' }],
    });
  });

  it('refuses a mail without a usable sender', () => {
    expect(() => normaliseEmail({ from: { address: 'mailer-daemon' }, text: 'x' })).toThrow(UnusablePayloadError);
  });
});

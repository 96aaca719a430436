import { imapSettingsOf, messageIdDomainOf, smtpTransportOf } from './mail-settings';

const none = { IMAP_TLS: true, IMAP_MAILBOX: 'INBOX' };

describe('mail settings', () => {
  it('turns e-mail intake off when no mailbox is configured', () => {
    expect(imapSettingsOf(none)).toBeNull();
  });

  it('reads the mailbox from IMAP_URL, with the default port of its scheme', () => {
    expect(imapSettingsOf({ ...none, IMAP_URL: 'imaps://cozum%40bel.tr:p%40ss@imap.bel.tr' })).toEqual({
      connection: { host: 'imap.bel.tr', port: 993, secure: true, auth: { user: 'cozum@bel.tr', pass: 'p@ss' } },
      mailbox: 'INBOX',
      key: 'cozum@bel.tr@imap.bel.tr:993/INBOX',
    });
    expect(imapSettingsOf({ ...none, IMAP_URL: 'imap://u:p@127.0.0.1:1143' })?.connection).toMatchObject({ port: 1143, secure: false });
  });

  it('reads the mailbox from the separate settings', () => {
    const settings = imapSettingsOf({ IMAP_HOST: 'mail.bel.tr', IMAP_USER: 'u', IMAP_PASSWORD: 'p', IMAP_TLS: false, IMAP_MAILBOX: 'Basvurular' });
    expect(settings).toMatchObject({ connection: { host: 'mail.bel.tr', port: 143, secure: false }, key: 'u@mail.bel.tr:143/Basvurular' });
  });

  it('builds the SMTP transport from SMTP_URL or the separate settings', () => {
    expect(smtpTransportOf({ SMTP_URL: 'smtp://127.0.0.1:2525', SMTP_TLS: true })).toEqual({ host: '127.0.0.1', port: 2525, secure: false });
    expect(smtpTransportOf({ SMTP_URL: 'smtps://a:b@smtp.bel.tr', SMTP_TLS: false })).toEqual({
      host: 'smtp.bel.tr',
      port: 465,
      secure: true,
      auth: { user: 'a', pass: 'b' },
    });
    expect(smtpTransportOf({ SMTP_HOST: 'smtp.bel.tr', SMTP_TLS: false, SMTP_USER: 'a', SMTP_PASSWORD: 'b' })).toEqual({
      host: 'smtp.bel.tr',
      port: 587,
      secure: false,
      auth: { user: 'a', pass: 'b' },
    });
  });

  it('takes the Message-ID domain from MAIL_FROM unless set', () => {
    expect(messageIdDomainOf({ MAIL_FROM: '"Çözüm Masası" <cozum@ornek.bel.tr>' })).toBe('ornek.bel.tr');
    expect(messageIdDomainOf({ MAIL_FROM: 'cozum@ornek.bel.tr', MAIL_MESSAGE_ID_DOMAIN: 'mail.ornek.bel.tr' })).toBe('mail.ornek.bel.tr');
  });
});

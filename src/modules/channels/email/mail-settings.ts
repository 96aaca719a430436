import type { ImapFlowOptions } from 'imapflow';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { AppConfig } from '@app/config';

export interface ImapSettings {
  connection: Pick<ImapFlowOptions, 'host' | 'port' | 'secure' | 'auth'>;
  mailbox: string;
  /** Names the cursor row: the same mailbox on the same server is read on from where it was left. */
  key: string;
}

type MailConfig = Pick<AppConfig, 'IMAP_URL' | 'IMAP_HOST' | 'IMAP_PORT' | 'IMAP_USER' | 'IMAP_PASSWORD' | 'IMAP_TLS' | 'IMAP_MAILBOX'>;

/** The mailbox to read, from IMAP_URL or the IMAP_HOST… settings; null when e-mail intake is off. */
export function imapSettingsOf(config: MailConfig): ImapSettings | null {
  let host: string;
  let secure: boolean;
  let port: number | undefined;
  let user: string;
  let pass: string;
  if (config.IMAP_URL) {
    const url = new URL(config.IMAP_URL);
    host = url.hostname;
    secure = url.protocol === 'imaps:';
    port = url.port ? Number(url.port) : undefined;
    user = decodeURIComponent(url.username);
    pass = decodeURIComponent(url.password);
  } else if (config.IMAP_HOST) {
    host = config.IMAP_HOST;
    secure = config.IMAP_TLS;
    port = config.IMAP_PORT;
    user = config.IMAP_USER!;
    pass = config.IMAP_PASSWORD!;
  } else {
    return null;
  }
  const resolvedPort = port ?? (secure ? 993 : 143);
  return {
    connection: { host, port: resolvedPort, secure, auth: { user, pass } },
    mailbox: config.IMAP_MAILBOX,
    key: `${user}@${host}:${resolvedPort}/${config.IMAP_MAILBOX}`.slice(0, 300),
  };
}

type SmtpConfig = Pick<AppConfig, 'SMTP_URL' | 'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_USER' | 'SMTP_PASSWORD' | 'SMTP_TLS'>;

/** nodemailer's transport options from SMTP_URL or the SMTP_HOST… settings. */
export function smtpTransportOf(config: SmtpConfig): SMTPTransport.Options {
  if (config.SMTP_URL) {
    const url = new URL(config.SMTP_URL);
    const secure = url.protocol === 'smtps:';
    return {
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    };
  }
  return {
    host: config.SMTP_HOST,
    port: config.SMTP_PORT ?? (config.SMTP_TLS ? 465 : 587),
    secure: config.SMTP_TLS,
    ...(config.SMTP_USER ? { auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } } : {}),
  };
}

/** The domain of our Message-IDs: MAIL_MESSAGE_ID_DOMAIN, else MAIL_FROM's. */
export function messageIdDomainOf(config: Pick<AppConfig, 'MAIL_FROM' | 'MAIL_MESSAGE_ID_DOMAIN'>): string {
  if (config.MAIL_MESSAGE_ID_DOMAIN) return config.MAIL_MESSAGE_ID_DOMAIN;
  const address = config.MAIL_FROM?.match(/<([^>]+)>/)?.[1] ?? config.MAIL_FROM ?? '';
  return address.split('@')[1] ?? 'localhost';
}

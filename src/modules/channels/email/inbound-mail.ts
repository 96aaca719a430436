import { createHash } from 'node:crypto';
import type { AddressObject, ParsedMail } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import { StoredMedia } from '../../media';
import { automaticMailReason, MailHeaders } from './automatic-mail';

/** An attachment not kept, and why (too large, a type we do not accept, too many). */
export interface SkippedAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  reason: string;
}

/** What an e-mail is stored as in `inbound_events.payload` (read by the e-mail normaliser). */
export interface EmailPayload {
  messageId: string | null;
  from: { address: string | null; name: string | null };
  subject: string | null;
  text: string;
  /** Sanitised; the text stays the body staff read. */
  html: string | null;
  date: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Sent by a machine (auto-reply, bounce, list): never answered automatically. */
  automatic: boolean;
  automaticReason: string | null;
  headers: MailHeaders;
  attachments: StoredMedia[];
  skippedAttachments: SkippedAttachment[];
}

const LOOP_HEADERS = ['auto-submitted', 'precedence', 'return-path', 'content-type', 'from', 'x-autoreply', 'x-autorespond', 'list-id'];
const MAX_TEXT = 20_000;
const MAX_HTML = 60_000;
const MAX_ID = 200;

/** Each header's first value, unfolded, by lower-case name; empty when the mail has no header at all. */
export function headersOf(parsed: Pick<ParsedMail, 'headerLines'>): MailHeaders {
  const headers: MailHeaders = {};
  for (const { key, line } of parsed.headerLines) {
    if (!key || key in headers) continue;
    headers[key] = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
  }
  return headers;
}

/**
 * The Message-ID, or a hash when it is missing, too long to be the event's provider id, or holds
 * what PostgreSQL text cannot (NUL) or what stands for bytes that were not UTF-8 (U+FFFD): such
 * a message is still stored (as a failed event, its payload being unreadable) and not retried forever.
 */
export function providerIdOf(messageId: string | null | undefined, raw: Buffer): string {
  const id = messageId?.trim();
  // eslint-disable-next-line no-control-regex -- a NUL is exactly what makes an id unstorable
  if (id && id.length <= MAX_ID && !/[\u0000\uFFFD]/.test(id)) return id;
  return `sha256-${createHash('sha256')
    .update(id ?? raw)
    .digest('hex')}`;
}

export function mailPayload(parsed: ParsedMail, attachments: StoredMedia[], skippedAttachments: SkippedAttachment[]): EmailPayload {
  const headers = headersOf(parsed);
  const from = firstAddress(parsed.from);
  const reason = automaticMailReason(headers);
  const html = typeof parsed.html === 'string' ? sanitizeHtml(parsed.html) : null;
  return {
    messageId: parsed.messageId?.trim() || null,
    from,
    subject: parsed.subject?.trim() || null,
    text: clean(parsed.text ?? '').slice(0, MAX_TEXT),
    html: html && html.length <= MAX_HTML ? clean(html) : null,
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null,
    inReplyTo: parsed.inReplyTo?.trim() || null,
    references: (Array.isArray(parsed.references) ? parsed.references : parsed.references ? [parsed.references] : []).slice(-20),
    automatic: reason !== null,
    automaticReason: reason,
    headers: Object.fromEntries(LOOP_HEADERS.filter((key) => key in headers).map((key) => [key, headers[key].slice(0, 300)])),
    attachments,
    skippedAttachments,
  };
}

function firstAddress(from: AddressObject | AddressObject[] | undefined): EmailPayload['from'] {
  const value = (Array.isArray(from) ? from[0] : from)?.value[0];
  return { address: value?.address?.trim().toLowerCase() || null, name: value?.name?.trim() || null };
}

// Intake refuses U+FFFD and NUL as signs of a broken request; in a mail they only mean a
// badly declared charset, so they are dropped rather than losing the mail.
// eslint-disable-next-line no-control-regex -- NUL cannot be stored, so it is taken out
const clean = (text: string) => text.replace(/[\uFFFD\u0000]/g, '');

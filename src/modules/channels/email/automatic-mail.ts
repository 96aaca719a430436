/** Header names in lower case, each with its (first) value as written. */
export type MailHeaders = Record<string, string>;

/**
 * Why a mail was sent by a machine (RFC 3834 Auto-Submitted, list/bulk Precedence, a bounce),
 * or null for mail a person wrote. Such mail is never answered automatically: two auto-responders
 * answering each other would loop forever.
 */
export function automaticMailReason(headers: MailHeaders): string | null {
  const autoSubmitted = headers['auto-submitted']?.trim().toLowerCase();
  if (autoSubmitted && !autoSubmitted.startsWith('no')) return `auto-submitted: ${autoSubmitted}`;
  const precedence = headers.precedence?.trim().toLowerCase();
  if (precedence && ['bulk', 'list', 'junk'].includes(precedence)) return `precedence: ${precedence}`;
  if (headers['return-path']?.replace(/\s/g, '') === '<>') return 'empty return path';
  if (/^\s*multipart\/report\b/i.test(headers['content-type'] ?? '')) return 'delivery report';
  if (/\b(mailer-daemon|postmaster)@/i.test(headers.from ?? '')) return 'delivery report';
  // Older autoresponders mark themselves only this way.
  if (headers['x-autoreply'] || headers['x-autorespond']) return 'autoresponder header';
  return null;
}

export const isAutomaticMail = (headers: MailHeaders): boolean => automaticMailReason(headers) !== null;

import { OutboundMessage } from '../../notifications';

/** The purpose of a reply a member of staff wrote; every other e-mail is automatic. */
export const STAFF_REPLY_PURPOSE = 'reply';

/** What an e-mail intent may carry in `meta` (see emailReplyMeta). */
export interface EmailMeta {
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  /** Overrides the rule "everything but a staff reply is automatic". */
  automatic?: boolean;
}

/** Derived from the outbox row, so a resend after a crash is recognisably the same mail. */
export const stableMessageId = (outboundId: string, domain: string) => `<${outboundId}@${domain}>`;

export function isAutomaticOutbound(message: Pick<OutboundMessage, 'purpose' | 'meta'>): boolean {
  const automatic = (message.meta as EmailMeta).automatic;
  return typeof automatic === 'boolean' ? automatic : message.purpose !== STAFF_REPLY_PURPOSE;
}

/** The subject carries the tracking number, so a reply threads even when its client drops In-Reply-To. */
export function mailSubject(subject: string | null, trackingNo: string | null): string {
  const text = subject?.trim() || 'Başvurunuz hakkında';
  return trackingNo && !text.includes(trackingNo) ? `[${trackingNo}] ${text}` : text;
}

/** nodemailer's threading and loop-prevention fields of one outbound mail. */
export function mailThreading(message: Pick<OutboundMessage, 'purpose' | 'meta'>, messageId: string) {
  const meta = message.meta as EmailMeta;
  const references = [...(meta.references ?? []), ...(meta.inReplyTo ? [meta.inReplyTo] : [])];
  return {
    messageId,
    ...(meta.inReplyTo ? { inReplyTo: meta.inReplyTo } : {}),
    ...(references.length ? { references: [...new Set(references)] } : {}),
    headers: isAutomaticOutbound(message) ? { 'Auto-Submitted': 'auto-replied' } : {},
  };
}

import { TicketChannel } from '@app/domain';
import { NoticePurpose } from './citizen-notice';
import { OutboundChannel } from './outbound-message.entity';

export interface CitizenContact {
  phone: string | null;
  email: string | null;
  /** The WhatsApp chat id ("90532…@c.us") when the citizen ever wrote on WhatsApp. */
  whatsapp: string | null;
  contactConsent: boolean;
  /** Explicit consent (KVKK) to satisfaction surveys and announcements. */
  surveyConsent: boolean;
  optedOut: boolean;
}

export interface Destination {
  channel: OutboundChannel;
  recipient: string;
}

// Where the answer goes back by default: the channel the citizen used, else one they gave.
const ORDER: Partial<Record<TicketChannel, OutboundChannel[]>> = {
  [TicketChannel.Whatsapp]: [OutboundChannel.Whatsapp, OutboundChannel.Sms, OutboundChannel.Email],
  [TicketChannel.Email]: [OutboundChannel.Email, OutboundChannel.Sms],
  [TicketChannel.Sms]: [OutboundChannel.Sms, OutboundChannel.Email],
};
const DEFAULT_ORDER = [OutboundChannel.Sms, OutboundChannel.Email];

const SELF_INITIATED: Partial<Record<TicketChannel, OutboundChannel>> = {
  [TicketChannel.Whatsapp]: OutboundChannel.Whatsapp,
  [TicketChannel.Email]: OutboundChannel.Email,
  [TicketChannel.Sms]: OutboundChannel.Sms,
};

/** Answers and decisions on the application are owed to the applicant; status notices are a courtesy. */
const OWED: ReadonlySet<NoticePurpose> = new Set([
  NoticePurpose.Reply,
  NoticePurpose.Answered,
  NoticePurpose.Rejected,
  NoticePurpose.Referred,
  NoticePurpose.Merged,
  NoticePurpose.Delayed,
  NoticePurpose.Extended,
  NoticePurpose.FeeNotice,
  NoticePurpose.Withdrawn,
  NoticePurpose.InformationAnswered,
  NoticePurpose.InformationPartial,
  NoticePurpose.InformationRefused,
]);

/**
 * Where a notice goes, or null when it must not go at all. A citizen who opted out hears
 * nothing. Courtesy notices (received, forwarded) go only on the channel the citizen wrote
 * from, or anywhere with their recorded contact consent (KVKK). A survey goes only with the
 * explicit survey consent, and then on the channel the answer would take.
 */
export function chooseDestination(ticketChannel: TicketChannel, purpose: NoticePurpose, contact: CitizenContact): Destination | null {
  if (contact.optedOut) return null;
  if (purpose === NoticePurpose.Survey && !contact.surveyConsent) return null;
  const address: Record<OutboundChannel, string | null> = {
    [OutboundChannel.Sms]: contact.phone,
    [OutboundChannel.Email]: contact.email,
    [OutboundChannel.Whatsapp]: contact.whatsapp,
  };
  const allowed = (channel: OutboundChannel) =>
    OWED.has(purpose) || purpose === NoticePurpose.Survey || contact.contactConsent || SELF_INITIATED[ticketChannel] === channel;
  const channel = (ORDER[ticketChannel] ?? DEFAULT_ORDER).find((c) => address[c] && allowed(c));
  return channel ? { channel, recipient: address[channel]! } : null;
}

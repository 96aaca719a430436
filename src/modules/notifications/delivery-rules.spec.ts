import { TicketChannel } from '@app/domain';
import { NoticePurpose } from './citizen-notice';
import { chooseDestination, CitizenContact } from './contact-choice';
import { OutboundChannel } from './outbound-message.entity';
import { afterQuietHours } from './quiet-hours';

const contact = (over: Partial<CitizenContact> = {}): CitizenContact => ({
  phone: '+905321234567',
  email: 'ayse@example.com',
  whatsapp: null,
  contactConsent: false,
  surveyConsent: false,
  optedOut: false,
  ...over,
});

describe('chooseDestination', () => {
  it('answers on the channel the citizen wrote from', () => {
    expect(chooseDestination(TicketChannel.Whatsapp, NoticePurpose.Answered, contact({ whatsapp: '905321234567@c.us' }))).toEqual({
      channel: OutboundChannel.Whatsapp,
      recipient: '905321234567@c.us',
    });
    expect(chooseDestination(TicketChannel.Email, NoticePurpose.Reply, contact())?.channel).toBe(OutboundChannel.Email);
    expect(chooseDestination(TicketChannel.Sms, NoticePurpose.Rejected, contact())?.channel).toBe(OutboundChannel.Sms);
  });

  it('falls back to another address the citizen gave', () => {
    expect(chooseDestination(TicketChannel.Email, NoticePurpose.Answered, contact({ email: null }))?.channel).toBe(OutboundChannel.Sms);
    expect(chooseDestination(TicketChannel.WalkIn, NoticePurpose.Answered, contact({ phone: null }))?.channel).toBe(OutboundChannel.Email);
  });

  it('sends nothing at all to a citizen who opted out', () => {
    for (const purpose of Object.values(NoticePurpose)) {
      expect(chooseDestination(TicketChannel.Sms, purpose, contact({ optedOut: true, contactConsent: true }))).toBeNull();
    }
  });

  it('sends courtesy notices only where the citizen wrote from, or with their consent', () => {
    expect(chooseDestination(TicketChannel.Phone, NoticePurpose.Received, contact())).toBeNull();
    expect(chooseDestination(TicketChannel.Phone, NoticePurpose.Received, contact({ contactConsent: true }))?.channel).toBe(OutboundChannel.Sms);
    expect(chooseDestination(TicketChannel.Sms, NoticePurpose.Received, contact())?.channel).toBe(OutboundChannel.Sms);
  });

  it('asks for a survey only with the explicit survey consent, on the channel an answer would take', () => {
    expect(chooseDestination(TicketChannel.Sms, NoticePurpose.Survey, contact({ contactConsent: true }))).toBeNull();
    expect(chooseDestination(TicketChannel.Sms, NoticePurpose.Survey, contact({ surveyConsent: true }))?.channel).toBe(OutboundChannel.Sms);
    expect(chooseDestination(TicketChannel.Web, NoticePurpose.Survey, contact({ surveyConsent: true }))?.channel).toBe(OutboundChannel.Sms);
    expect(chooseDestination(TicketChannel.Email, NoticePurpose.Survey, contact({ surveyConsent: true }))?.channel).toBe(OutboundChannel.Email);
  });

  it('finds nobody to tell when there is no address', () => {
    expect(chooseDestination(TicketChannel.Phone, NoticePurpose.Answered, contact({ phone: null, email: null }))).toBeNull();
  });
});

describe('afterQuietHours', () => {
  const at = (iso: string) => new Date(iso);

  it('lets a message go at once in the day', () => {
    expect(afterQuietHours(at('2026-11-25T10:00:00Z'), '21:00-08:00').toISOString()).toBe('2026-11-25T10:00:00.000Z');
  });

  it('holds a late-evening message until 08:00 the next morning, Istanbul time', () => {
    // 22:30 in Istanbul → 08:00 next day = 05:00Z
    expect(afterQuietHours(at('2026-11-25T19:30:00Z'), '21:00-08:00').toISOString()).toBe('2026-11-26T05:00:00.000Z');
  });

  it('holds an early-morning message until 08:00 the same day', () => {
    // 03:00 in Istanbul
    expect(afterQuietHours(at('2026-11-26T00:00:00Z'), '21:00-08:00').toISOString()).toBe('2026-11-26T05:00:00.000Z');
  });

  it('has no quiet hours when the window is empty', () => {
    expect(afterQuietHours(at('2026-11-25T23:00:00Z'), '00:00-00:00').toISOString()).toBe('2026-11-25T23:00:00.000Z');
  });
});

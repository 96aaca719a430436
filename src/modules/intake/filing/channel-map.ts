import { TicketChannel } from '@app/domain';
import { InboundChannel } from '../inbound-event.entity';

export const INBOUND_TO_TICKET_CHANNEL: Record<InboundChannel, TicketChannel> = {
  [InboundChannel.Sms]: TicketChannel.Sms,
  [InboundChannel.Whatsapp]: TicketChannel.Whatsapp,
  [InboundChannel.Email]: TicketChannel.Email,
  [InboundChannel.Web]: TicketChannel.Web,
  [InboundChannel.Phone]: TicketChannel.Phone,
  [InboundChannel.Open311]: TicketChannel.Open311,
};

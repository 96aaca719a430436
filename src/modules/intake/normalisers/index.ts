import { InboundChannel } from '../inbound-event.entity';
import { normaliseEmail } from './email.normaliser';
import { Normaliser } from './inbound-message';
import { normaliseOpen311 } from './open311.normaliser';
import { normaliseSms } from './sms.normaliser';
import { normaliseVoicemail } from './voicemail.normaliser';
import { normaliseWebForm } from './web-form.normaliser';
import { normaliseWhatsapp } from './whatsapp.normaliser';

export * from './inbound-message';

/** One normaliser per channel shape; a call reaches intake only as a voicemail (answered calls become tickets through the agent). */
export const NORMALISERS: Partial<Record<InboundChannel, Normaliser>> = {
  [InboundChannel.Sms]: normaliseSms,
  [InboundChannel.Whatsapp]: normaliseWhatsapp,
  [InboundChannel.Email]: normaliseEmail,
  [InboundChannel.Web]: normaliseWebForm,
  [InboundChannel.Phone]: normaliseVoicemail,
  [InboundChannel.Open311]: normaliseOpen311,
};

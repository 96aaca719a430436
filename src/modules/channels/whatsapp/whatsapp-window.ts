/** After a citizen's last message, free-form replies are allowed this long (Meta's customer service window). */
export const WHATSAPP_WINDOW_MS = 24 * 3600_000;

export type WindowDecision = 'free-form' | 'template' | 'sms-fallback';

/**
 * How a Cloud API reply can go: as typed inside the 24-hour window; outside it only as an
 * approved template, and without one the message has to go by SMS instead.
 */
export function decideWhatsappWindow(input: { lastInboundAt: Date | null; now: Date; templateConfigured: boolean }): WindowDecision {
  const { lastInboundAt, now } = input;
  if (lastInboundAt && now.getTime() - lastInboundAt.getTime() < WHATSAPP_WINDOW_MS) return 'free-form';
  return input.templateConfigured ? 'template' : 'sms-fallback';
}

import { decideWhatsappWindow } from './whatsapp-window';

describe('the 24-hour WhatsApp window', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

  it("allows free-form text within 24 hours of the citizen's last message", () => {
    expect(decideWhatsappWindow({ lastInboundAt: hoursAgo(0), now, templateConfigured: false })).toBe('free-form');
    expect(decideWhatsappWindow({ lastInboundAt: hoursAgo(23.99), now, templateConfigured: false })).toBe('free-form');
  });

  it('needs the template once 24 hours have passed, or when the citizen never wrote', () => {
    expect(decideWhatsappWindow({ lastInboundAt: hoursAgo(24), now, templateConfigured: true })).toBe('template');
    expect(decideWhatsappWindow({ lastInboundAt: null, now, templateConfigured: true })).toBe('template');
  });

  it('falls back to SMS outside the window without a template', () => {
    expect(decideWhatsappWindow({ lastInboundAt: hoursAgo(30), now, templateConfigured: false })).toBe('sms-fallback');
    expect(decideWhatsappWindow({ lastInboundAt: null, now, templateConfigured: false })).toBe('sms-fallback');
  });
});

import { IdentityKind, normalizePhone } from '@app/domain';
import { InboundMessage, requireContent, str, UnusablePayloadError } from './inbound-message';

/** A voicemail left on the 444 line: Twilio's <Record> callback (From, RecordingUrl, RecordingSid). */
export function normaliseVoicemail(payload: Record<string, unknown>): InboundMessage {
  const phone = normalizePhone(str(payload.From) ?? '');
  if (!phone) throw new UnusablePayloadError('arayan numara okunamadı (gizli numara)');
  const url = str(payload.RecordingUrl);
  return requireContent({
    identity: { kind: IdentityKind.Phone, value: phone },
    phone,
    // No text: nothing to categorise, so the call centre listens to it in triage.
    text: '',
    media: url ? [{ url, contentType: 'audio/x-wav', filename: `${str(payload.RecordingSid) ?? 'sesli-mesaj'}.wav` }] : [],
  });
}

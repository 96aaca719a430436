import { createHmac, randomBytes } from 'node:crypto';
import { getExpectedTwilioSignature } from 'twilio';
import { Req } from './operations';

/** The providers' settings the fuzzer's app runs with, so it can sign as they do. */
export const PROVIDER_ENV = {
  PUBLIC_URL: 'http://cozum.fuzz.test',
  TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
  TWILIO_AUTH_TOKEN: 'fuzz-twilio-token-0123456789',
  TWILIO_API_KEY: `SK${'0'.repeat(32)}`,
  TWILIO_API_SECRET: 'fuzz-voice-api-secret-0123456789',
  TWILIO_TWIML_APP_SID: `AP${'0'.repeat(32)}`,
  TWILIO_VOICE_CALLER_ID: '+904441234567',
  WHATSAPP_CLOUD_VERIFY_TOKEN: 'fuzz-verify-token',
  WHATSAPP_CLOUD_APP_SECRET: 'fuzz-app-secret-0123456789',
  // Nothing listens there: a media download fails at once, as it would while Graph is down.
  WHATSAPP_CLOUD_API_URL: 'http://127.0.0.1:9/v21.0',
};

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;
const caller = '+905321234567';

/** A well-formed request of each provider webhook, as Twilio and Meta send them. */
export function webhookRequest(key: string): Req | null {
  const call = { AccountSid: PROVIDER_ENV.TWILIO_ACCOUNT_SID, CallSid: sid('CA'), From: caller, To: '+904441234567' };
  const forms: Record<string, Record<string, string>> = {
    sms: {
      AccountSid: PROVIDER_ENV.TWILIO_ACCOUNT_SID,
      MessageSid: sid('SM'),
      From: caller,
      To: '+908501234567',
      Body: 'Sokağımızda çukur var',
      NumMedia: '0',
    },
    'sms-status': { MessageSid: sid('SM'), MessageStatus: 'delivered', ErrorCode: '' },
    'voice/incoming': { ...call, CallStatus: 'ringing' },
    'voice/menu': { ...call, Digits: '1', SpeechResult: 'şikayet' },
    'voice/agent': call,
    'voice/queue-wait': { ...call, QueueTime: '12', CurrentQueueSize: '1' },
    'voice/queue-exit': { ...call, QueueResult: 'hangup', QueueTime: '30' },
    'voice/status-lookup': { ...call, Digits: '2026000001' },
    'voice/voicemail': {
      ...call,
      RecordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE0',
      RecordingSid: sid('RE'),
      RecordingDuration: '12',
    },
    'voice/dequeue': { ...call, From: 'client:00000000-0000-4000-8000-000000000000' },
    'voice/connected': call,
    'voice/dial-exit': { ...call, DialCallStatus: 'no-answer', DialCallSid: sid('CA') },
    'voice/client': { ...call, From: 'client:agent-00000000-0000-4000-8000-000000000000', To: '', ticketId: '00000000-0000-4000-8000-000000000000' },
    'voice/status': { ...call, CallStatus: 'completed', CallDuration: '31' },
  };
  const twilio = /^POST \/api\/v1\/channels\/twilio\/(.+)$/.exec(key);
  if (twilio) return { form: true, body: forms[twilio[1]] };
  if (key === 'POST /api/v1/channels/whatsapp/cloud') {
    const message = (type: string, content: object) => ({ from: '905321234567', id: sid('wamid.'), timestamp: '1764000000', type, ...content });
    return {
      body: {
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '1',
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: { display_phone_number: '908501234567', phone_number_id: '123456' },
                  contacts: [{ profile: { name: 'Ali Veli' }, wa_id: '905321234567' }],
                  messages: [
                    message('text', { text: { body: 'Çöpler alınmadı' } }),
                    message('image', { image: { id: 'media-1', mime_type: 'image/jpeg', caption: 'Fotoğraf' } }),
                    message('location', { location: { latitude: 41.01, longitude: 28.97, name: 'Park', address: 'Gül Sk.' } }),
                  ],
                  statuses: [{ id: sid('wamid.'), status: 'delivered', timestamp: '1764000001', recipient_id: '905321234567' }],
                },
              },
            ],
          },
        ],
      },
    };
  }
  if (key === 'GET /api/v1/channels/whatsapp/cloud') {
    return { query: { 'hub.mode': 'subscribe', 'hub.verify_token': PROVIDER_ENV.WHATSAPP_CLOUD_VERIFY_TOKEN, 'hub.challenge': '1234' } };
  }
  return null;
}

/** The signature header a provider would put on these bytes sent to this URL. */
export function signatureFor(url: string, req: Req, bytes: Buffer): Record<string, string> {
  if (url.startsWith('/api/v1/channels/twilio/')) {
    const params = Object.fromEntries(new URLSearchParams(bytes.toString('latin1')).entries());
    return { 'X-Twilio-Signature': getExpectedTwilioSignature(PROVIDER_ENV.TWILIO_AUTH_TOKEN, `${PROVIDER_ENV.PUBLIC_URL}${url}`, params) };
  }
  if (url.startsWith('/api/v1/channels/whatsapp/cloud') && req.body !== undefined) {
    return { 'X-Hub-Signature-256': `sha256=${createHmac('sha256', PROVIDER_ENV.WHATSAPP_CLOUD_APP_SECRET).update(bytes).digest('hex')}` };
  }
  return {};
}

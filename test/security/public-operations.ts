import { randomBytes } from 'node:crypto';
import { mobile } from '@app/testing';
import { unique } from './fixtures';
import { Operation } from './operation';

/** The citizens' side and the providers' webhooks. */
export const PUBLIC_OPERATIONS: Record<string, Operation> = {
  // citizens' side
  'GET /health': { allow: 'public', request: () => ({}) },
  'GET /api/v1/public/surveys/{token}': { allow: 'public', ok: [404], request: () => ({ path: { token: randomBytes(24).toString('base64url') } }) },
  'POST /api/v1/public/surveys/{token}': {
    allow: 'public',
    ok: [404],
    request: () => ({ path: { token: randomBytes(24).toString('base64url') }, body: { score: 5 } }),
  },
  'POST /api/v1/public/applications': {
    allow: 'public',
    request: () => ({
      headers: { 'X-Forwarded-For': `192.0.2.${Math.floor(Math.random() * 250) + 1}` },
      body: {
        kind: 'sikayet',
        description: 'Sokak lambası yanmıyor, karanlık.',
        fullName: 'Form Sahibi',
        phone: mobile(),
        kvkkConsent: true,
        idempotencyKey: randomBytes(16).toString('hex'),
      },
    }),
  },
  'GET /api/v1/public/applications/{receiptId}': {
    allow: 'public',
    request: async (w) => {
      const res = await w.t
        .http()
        .post('/api/v1/public/applications')
        .set('X-Forwarded-For', `192.0.2.${Math.floor(Math.random() * 250) + 1}`)
        .send({
          kind: 'sikayet',
          description: 'Sokak lambası yanmıyor, karanlık.',
          fullName: 'Form Sahibi',
          phone: mobile(),
          kvkkConsent: true,
          idempotencyKey: randomBytes(16).toString('hex'),
        })
        .expect(202);
      return { path: { receiptId: res.body.receiptId } };
    },
  },
  'GET /api/v1/public/categories': { allow: 'public', request: () => ({}) },
  'GET /api/v1/public/mahalleler': { allow: 'public', request: () => ({}) },
  'GET /api/v1/public/statistics': { allow: 'public', request: () => ({ query: { from: '2026-01-01', to: '2026-06-30' } }) },
  'GET /api/v1/public/map': { allow: 'public', request: () => ({}) },

  // providers' webhooks: an unsigned request is refused whoever sends it
  ...Object.fromEntries(
    [
      'sms',
      'sms-status',
      'voice/incoming',
      'voice/menu',
      'voice/agent',
      'voice/queue-wait',
      'voice/queue-exit',
      'voice/status-lookup',
      'voice/voicemail',
      'voice/dequeue',
      'voice/connected',
      'voice/status',
    ].map((path) => [
      `POST /api/v1/channels/twilio/${path}`,
      {
        allow: 'webhook',
        ok: [403],
        request: () => ({ form: true, body: { CallSid: `CA${unique()}`, MessageSid: `SM${unique()}`, From: '+905321110000', Body: 'Merhaba' } }),
      } satisfies Operation,
    ]),
  ),
  'GET /api/v1/channels/whatsapp/cloud': {
    allow: 'webhook',
    ok: [403],
    request: () => ({ query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'yanlis', 'hub.challenge': '123' } }),
  },
  'POST /api/v1/channels/whatsapp/cloud': { allow: 'webhook', ok: [403], request: () => ({ body: { object: 'whatsapp_business_account', entry: [] } }) },
};

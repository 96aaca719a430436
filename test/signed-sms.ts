import { getExpectedTwilioSignature } from 'twilio';
import type { TestApp } from '@app/testing';

export const TWILIO_TOKEN = 'test-twilio-auth-token-0123456789';
export const PUBLIC_URL = 'https://cozum.ornek-bel.tr';

/** The env a test app needs to take signed Twilio SMS webhooks. */
export const twilioEnv = { TWILIO_AUTH_TOKEN: TWILIO_TOKEN, PUBLIC_URL };

/** Posts an inbound SMS as Twilio does (signed with the twilio library's own function); resolves to the HTTP status. */
export async function postSignedSms(t: TestApp, messageSid: string, from: string, body: string): Promise<number> {
  const params = { MessageSid: messageSid, AccountSid: `AC${'0'.repeat(32)}`, From: from, To: '+908502220444', Body: body, NumMedia: '0' };
  const signature = getExpectedTwilioSignature(TWILIO_TOKEN, `${PUBLIC_URL}/api/v1/channels/twilio/sms`, params);
  const res = await t.http().post('/api/v1/channels/twilio/sms').type('form').set('X-Twilio-Signature', signature).send(params);
  return res.status;
}

/** A Twilio message id: SM and 32 hex digits. */
export const messageSid = (tag: string, n: number) => `SM${tag}${String(n).padStart(32 - tag.length, '0')}`;

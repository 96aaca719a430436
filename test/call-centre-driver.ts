import { getExpectedTwilioSignature } from 'twilio';
import { Staff, TestApp } from '@app/testing';

export const TWILIO_TOKEN = 'test-twilio-auth-token-0123456789';
export const PUBLIC_URL = 'https://cozum.ornek-bel.tr';
const BASE = `${PUBLIC_URL}/api/v1/channels/twilio/voice`;

/** An Istanbul wall-clock time (UTC+3 all year). */
export const at = (day: string, time: string) => new Date(`${day}T${time}+03:00`);

/**
 * Drives the 444 line as Twilio and the agents would, each step at its moment on the app's clock:
 * signed voice webhooks (menu, softphone ring, queue, queue exit, status) and the agents' state switches.
 * `app` gives the test app once it is made (in `beforeAll`).
 */
export function callCentreDriver(app: () => TestApp) {
  let seq = 0;
  const clockAt = (day: string, time: string) => app().clock.set(at(day, time));
  const signed = (path: string, params: Record<string, string>) =>
    app()
      .http()
      .post(`/api/v1/channels/twilio/voice/${path}`)
      .type('form')
      .set('X-Twilio-Signature', getExpectedTwilioSignature(TWILIO_TOKEN, `${BASE}/${path}`, params))
      .send(params)
      .expect(200);
  const as = (staff: Staff) => ({
    get: (path: string, query: Record<string, string> = {}) => app().http().get(`/api/v1${path}`).query(query).set('Authorization', `Bearer ${staff.token}`),
    post: (path: string, body: object) => app().http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
  });
  return {
    clockAt,
    signed,
    as,
    async state(staff: Staff, day: string, time: string, value: string): Promise<void> {
      clockAt(day, time);
      await as(staff).post('/voice/state', { state: value }).expect(200);
    },
    /** A caller presses 0 for an agent: the call is offered. */
    async offer(day: string, time: string): Promise<string> {
      clockAt(day, time);
      const CallSid = `CA${String((seq += 1)).padStart(32, '0')}`;
      await signed('incoming', { CallSid, From: `+9053212300${String(seq).padStart(2, '0')}`, To: '+904440444', CallStatus: 'ringing' });
      await signed('menu', { CallSid, Digits: '0' });
      return CallSid;
    },
    /** An agent takes it: from a ringing softphone (the agent's leg names the caller's) or from the queue (with QueueTime). */
    async answer(callSid: string, agent: Staff, day: string, time: string, queueTime?: number): Promise<void> {
      clockAt(day, time);
      const leg = `CA${'9'.repeat(28)}${String((seq += 1)).padStart(4, '0')}`;
      const params: Record<string, string> =
        queueTime === undefined ? { CallSid: leg, ParentCallSid: callSid } : { CallSid: callSid, QueueTime: String(queueTime) };
      await signed(`connected?agentId=${agent.id}`, params);
    },
    async hangUp(callSid: string, day: string, time: string): Promise<void> {
      clockAt(day, time);
      await signed('status', { CallSid: callSid, From: '+905321230000', To: '+904440444', CallStatus: 'completed', CallDuration: '1' });
    },
    async leaveQueue(callSid: string, day: string, time: string, result: string, queueTime: number): Promise<void> {
      clockAt(day, time);
      await signed('queue-exit', { CallSid: callSid, QueueResult: result, QueueTime: String(queueTime) });
    },
  };
}

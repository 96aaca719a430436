import { randomBytes } from 'node:crypto';
import { mobile } from '@app/testing';
import { unique } from './fixtures';
import { Operation } from './operation';
import { World } from './world';

/** A 444 call that ended, taken by `agentId`: its transfer is recorded without reaching Twilio. */
async function endedCallOf(w: World, agentId: string | null): Promise<string> {
  const callSid = `CA${randomBytes(16).toString('hex')}`;
  await w.t.dataSource.query(
    `INSERT INTO call_logs (call_sid, from_number, to_number, status, status_rank, agent_id) VALUES ($1, $2, '+904441234', 'completed', 3, $3)`,
    [callSid, `+90${mobile().slice(1)}`, agentId],
  );
  return callSid;
}

/** The 444 line in the browser: the softphone's token, config and presence, transfers, and the TwiML App's webhooks. */
export const VOICE_OPERATIONS: Record<string, Operation> = {
  'GET /api/v1/voice/config': { allow: ['agent', 'supervisor'], request: () => ({}) },
  'POST /api/v1/voice/token': { allow: ['agent', 'supervisor'], request: () => ({}) },
  'POST /api/v1/voice/presence': { allow: ['agent', 'supervisor'], request: () => ({ body: { state: 'away' } }) },
  'POST /api/v1/calls/{callSid}/transfer': {
    allow: ['agent', 'supervisor'],
    request: async (w, caller) => {
      const me = caller === 'anonymous' ? null : w.callers[caller].id;
      const to = caller === 'agent' ? w.callers.supervisor.id : w.callers.agent.id;
      return { path: { callSid: await endedCallOf(w, me) }, body: { toUserId: to } };
    },
  },
  // The TwiML App's voice URL and the softphones' ring: signed by Twilio, refused unsigned.
  ...Object.fromEntries(
    ['voice/client', 'voice/dial-exit'].map((path) => [
      `POST /api/v1/channels/twilio/${path}`,
      {
        allow: 'webhook',
        ok: [403],
        request: () => ({
          form: true,
          body: { CallSid: `CA${unique()}`, From: 'client:agent-00000000-0000-4000-8000-000000000000', DialCallStatus: 'no-answer' },
        }),
      } satisfies Operation,
    ]),
  ),
};

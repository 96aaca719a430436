import { UUID_TEXT } from '@app/common';

/** An agent's softphone identity on Twilio: `agent-<userId>`. */
export const agentIdentity = (userId: string): string => `agent-${userId}`;

/**
 * The staff user behind a softphone's `From` (`client:agent-<userId>`; the older `client:<userId>`
 * too), or null when it is not a softphone of ours.
 */
export function userIdOfClient(from: string | undefined): string | null {
  const id = (from ?? '').replace(/^client:/, '').replace(/^agent-/, '');
  return UUID_TEXT.test(id) ? id : null;
}

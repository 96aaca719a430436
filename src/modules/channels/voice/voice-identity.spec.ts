import { agentIdentity, userIdOfClient } from './voice-identity';

const ID = '7f2c1f8e-4a43-4c1b-9a39-0b4c2f1d8e11';

describe("a softphone's identity", () => {
  it('is agent-<userId>, and reads back from Twilio’s From in either spelling', () => {
    expect(agentIdentity(ID)).toBe(`agent-${ID}`);
    expect(userIdOfClient(`client:agent-${ID}`)).toBe(ID);
    expect(userIdOfClient(`client:${ID}`)).toBe(ID);
  });

  it('is nobody for a phone number, a foreign client or nothing', () => {
    for (const from of ['+905321234567', 'client:someone', `client:agent-${ID}x`, '', undefined]) expect(userIdOfClient(from)).toBeNull();
  });
});

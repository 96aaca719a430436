import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { AgentState } from '@app/domain';
import { UsersService } from '../../auth';
import { AgentStates } from './agent-states.service';
import { VoiceTokens } from './voice-tokens.service';

export type PresenceState = 'available' | 'away';

/** Twilio rings at most ten <Client> nouns of one <Dial>. */
const MAX_RUNG = 10;

/** Who takes 444 calls in the browser now: agents who said "available" within their token's lifetime. */
@Injectable()
export class VoicePresenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly tokens: VoiceTokens,
    private readonly clock: Clock,
    private readonly states: AgentStates,
  ) {}

  /** The softphone's own switch: available, or away (a break). */
  async set(userId: string, state: PresenceState): Promise<PresenceState> {
    await this.states.set(userId, state === 'available' ? AgentState.Available : AgentState.Break, 'agent');
    return state;
  }

  /** The user ids whose softphones a 444 call rings, longest available first; none when the browser phone is off. */
  async availableAgents(): Promise<string[]> {
    if (!this.tokens.configured) return [];
    const since = new Date(this.clock.now().getTime() - this.tokens.ttlSeconds * 1000);
    const rows: { user_id: string }[] = await this.dataSource.query(
      'SELECT user_id FROM voice_presence WHERE available AND updated_at > $1 ORDER BY updated_at LIMIT 50',
      [since],
    );
    return (await this.users.callCentreAgents(rows.map((r) => r.user_id))).slice(0, MAX_RUNG);
  }
}

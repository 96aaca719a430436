import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, localDateOf } from '@app/calendar';
import { Clock } from '@app/common';
import { AgentState } from '@app/domain';
import { AgentStates } from './agent-states.service';
import { CallFigures, CallFiguresService, startOfLocalDay } from './call-figures.service';

/**
 * A caller counts as waiting until the wait ends; a call whose end Twilio never reported stops
 * counting after this long (the queue lets a caller go long before).
 */
const STALE_WAIT_MINUTES = 60;

export interface Wallboard {
  at: string;
  waitingCalls: number;
  longestWaitSeconds: number | null;
  agents: Record<AgentState, number>;
  agentList: { fullName: string; state: AgentState; since: string | null }[];
  today: CallFigures;
  serviceLevel: { thresholdSeconds: number; targetPercent: number; met: boolean | null };
  voicemailsWaiting: number;
}

/** What the call-centre room's wall screen shows now. */
@Injectable()
export class WallboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly figures: CallFiguresService,
    private readonly states: AgentStates,
    private readonly clock: Clock,
  ) {}

  async now(): Promise<Wallboard> {
    const now = this.clock.now();
    const [waiting]: { n: number; longest: number | null }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n, max(extract(epoch FROM $1::timestamptz - offered_at))::float8 AS longest FROM call_logs
        WHERE offered_at IS NOT NULL AND wait_ended_at IS NULL AND ended_at IS NULL
          AND offered_at > $1::timestamptz - make_interval(mins => $2) AND offered_at <= $1`,
      [now, STALE_WAIT_MINUTES],
    );
    const working = await this.states.working();
    const agents = Object.fromEntries(Object.values(AgentState).map((s) => [s, working.filter((a) => a.state === s).length])) as Record<AgentState, number>;
    const date = localDateOf(now);
    const today = await this.figures.totals(startOfLocalDay(date), startOfLocalDay(addDays(date, 1)));
    const level = this.figures.serviceLevel;
    return {
      at: now.toISOString(),
      waitingCalls: waiting.n,
      longestWaitSeconds: waiting.longest === null ? null : Math.round(waiting.longest),
      agents,
      agentList: working.map(({ fullName, state, since }) => ({ fullName, state, since })),
      today,
      serviceLevel: { ...level, met: today.serviceLevelPercent === null ? null : today.serviceLevelPercent >= level.targetPercent },
      voicemailsWaiting: await this.figures.voicemailsWaiting(),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { AgentState } from '@app/domain';
import { LivePublisher } from '../../live';
import { AgentStateSource } from './agent-state-change.entity';

export interface AgentStateView {
  userId: string;
  state: AgentState;
  since: string | null;
  callSid: string | null;
}

/** Seconds an agent spent in each state within a period. */
export interface AgentStateDurations {
  userId: string;
  fullName: string;
  seconds: Record<AgentState, number>;
}

/**
 * The agents' states as transitions. The agent picks available, wrap-up, break or offline; the
 * phone puts them on a call when they take one and into wrap-up when it ends. Only "available"
 * softphones are rung (voice_presence); a call in progress leaves that flag alone, since the
 * browser refuses a second call while one is open.
 */
@Injectable()
export class AgentStates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly live: LivePublisher,
    private readonly clock: Clock,
  ) {}

  /** Moves the agent into `state`; the state they are already in (for the same call) is no transition. */
  async set(userId: string, state: AgentState, source: AgentStateSource, callSid: string | null = null): Promise<AgentStateView> {
    const now = this.clock.now();
    const moved = await this.dataSource.transaction(async (manager) => {
      // One agent's transitions are written one at a time, so "the current state" is never read stale.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`agent-state-${userId}`]);
      const [current]: { state: AgentState; call_sid: string | null }[] = await manager.query(
        'SELECT state, call_sid FROM agent_state_changes WHERE user_id = $1 ORDER BY at DESC, id DESC LIMIT 1',
        [userId],
      );
      // Saying "available" again renews it for another token's lifetime (see VoicePresence).
      if (state !== AgentState.OnCall) {
        await manager.query(
          `INSERT INTO voice_presence (user_id, available, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (user_id) DO UPDATE SET available = EXCLUDED.available, updated_at = EXCLUDED.updated_at`,
          [userId, state === AgentState.Available, now],
        );
      }
      if (current?.state === state && current.call_sid === callSid) return false;
      await manager.query('INSERT INTO agent_state_changes (user_id, state, source, call_sid, at) VALUES ($1, $2, $3, $4, $5)', [
        userId,
        state,
        source,
        callSid,
        now,
      ]);
      return true;
    });
    if (moved) await this.live.publishWallboard('agent');
    return this.current(userId);
  }

  /** The call ended: its agent, if still on it, goes into wrap-up. */
  async callEnded(callSid: string): Promise<void> {
    const [call]: { agent_id: string }[] = await this.dataSource.query('SELECT agent_id FROM call_logs WHERE call_sid = $1 AND agent_id IS NOT NULL', [
      callSid,
    ]);
    if (call) await this.leftCall(call.agent_id, callSid);
  }

  /** The agent is done with the call (it ended, or they handed it on): if still on it, their wrap-up starts. */
  async leftCall(userId: string, callSid: string): Promise<void> {
    const current = await this.current(userId);
    if (current.state === AgentState.OnCall && current.callSid === callSid) await this.set(userId, AgentState.WrapUp, 'phone', callSid);
  }

  async current(userId: string): Promise<AgentStateView> {
    const [row]: { state: AgentState; at: Date; call_sid: string | null }[] = await this.dataSource.query(
      'SELECT state, at, call_sid FROM agent_state_changes WHERE user_id = $1 ORDER BY at DESC, id DESC LIMIT 1',
      [userId],
    );
    return { userId, state: row?.state ?? AgentState.Offline, since: row ? new Date(row.at).toISOString() : null, callSid: row?.call_sid ?? null };
  }

  /** Every agent not offline, with their state and since when (the wallboard's agent list). */
  async working(): Promise<(AgentStateView & { fullName: string })[]> {
    const rows: { user_id: string; full_name: string; state: AgentState; at: Date; call_sid: string | null }[] = await this.dataSource.query(
      // Each user's last transition through the (user, at, id) index: a few hundred lookups, not the whole history.
      `SELECT u.id AS user_id, u.full_name, s.state, s.at, s.call_sid
         FROM users u
        CROSS JOIN LATERAL (SELECT state, at, call_sid FROM agent_state_changes c WHERE c.user_id = u.id ORDER BY at DESC, id DESC LIMIT 1) s
        WHERE s.state <> 'offline' AND u.active
        ORDER BY s.at`,
    );
    return rows.map((r) => ({ userId: r.user_id, fullName: r.full_name, state: r.state, since: new Date(r.at).toISOString(), callSid: r.call_sid }));
  }

  /**
   * Seconds per state and agent within [from, to): each transition lasts until the agent's next
   * one (or now, for the state they are still in), clipped to the period.
   */
  async durations(from: Date, to: Date, userId?: string): Promise<AgentStateDurations[]> {
    const end = new Date(Math.min(to.getTime(), this.clock.now().getTime()));
    const rows: { user_id: string; full_name: string; state: AgentState; seconds: number }[] = await this.dataSource.query(
      // The period's transitions and, per user, the one they were in when it began.
      `WITH transitions AS (
         SELECT user_id, state, at, id FROM agent_state_changes WHERE at >= $1 AND at < $2 AND ($3::uuid IS NULL OR user_id = $3)
         UNION ALL
         SELECT u.id, b.state, b.at, b.id FROM users u
          CROSS JOIN LATERAL (SELECT state, at, id FROM agent_state_changes c WHERE c.user_id = u.id AND c.at < $1 ORDER BY at DESC, id DESC LIMIT 1) b
          WHERE $3::uuid IS NULL OR u.id = $3),
       spans AS (
         SELECT user_id, state, at AS starts, coalesce(lead(at) OVER (PARTITION BY user_id ORDER BY at, id), $2::timestamptz) AS ends FROM transitions)
       SELECT s.user_id, u.full_name, s.state,
              sum(extract(epoch FROM least(s.ends, $2::timestamptz) - greatest(s.starts, $1::timestamptz)))::float8 AS seconds
         FROM spans s JOIN users u ON u.id = s.user_id
        WHERE s.ends > $1 AND s.state <> 'offline'
        GROUP BY s.user_id, u.full_name, s.state
        ORDER BY u.full_name`,
      [from, end, userId ?? null],
    );
    const byUser = new Map<string, AgentStateDurations>();
    for (const r of rows) {
      const entry = byUser.get(r.user_id) ?? { userId: r.user_id, fullName: r.full_name, seconds: zeroSeconds() };
      entry.seconds[r.state] = Math.round(r.seconds);
      byUser.set(r.user_id, entry);
    }
    return [...byUser.values()];
  }
}

const zeroSeconds = (): Record<AgentState, number> => Object.fromEntries(Object.values(AgentState).map((state) => [state, 0])) as Record<AgentState, number>;

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, Page, pageOf } from '@app/common';
import { maskPhone, normalizePhone, Role, StaffPrincipal } from '@app/domain';
import { LivePublisher } from '../../live';
import { CALL_STATUS_RANK, CallLog, MenuChoice } from './call-log.entity';
import { ListCallsDto } from './dto/list-calls.dto';

export type CallView = Omit<CallLog, 'statusRank'>;

export interface CallProgress {
  callSid: string;
  from: string;
  to: string;
  status: string;
  durationSeconds?: number | null;
}

/** Writes the call log. Every write is an upsert keyed by CallSid, so Twilio's retries and reorderings are harmless. */
@Injectable()
export class CallLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly live: LivePublisher,
  ) {}

  /** Newest first; agents see the calls they took, supervisors and managers all. Numbers masked. */
  async list(user: StaffPrincipal, query: ListCallsDto): Promise<Page<CallView>> {
    const qb = this.dataSource.getRepository(CallLog).createQueryBuilder('c').orderBy('c.started_at', 'DESC');
    if (user.role === Role.Agent) qb.andWhere('c.agent_id = :me', { me: user.id });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.menuChoice) qb.andWhere('c.menu_choice = :choice', { choice: query.menuChoice });
    if (query.from) qb.andWhere('c.started_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('c.started_at < :to', { to: query.to });
    const [rows, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const view = ({ statusRank: _rank, ...call }: CallLog): CallView => ({ ...call, fromNumber: maskPhone(normalizePhone(call.fromNumber)) ?? 'gizli numara' });
    return pageOf(rows.map(view), total, query);
  }

  /**
   * A status only ever moves forward: a late "ringing" after "completed" changes nothing. A call
   * that ends while its caller waits for an agent ends the wait (an abandoned call). True when it ended now.
   */
  async progress(call: CallProgress): Promise<boolean> {
    const rank = CALL_STATUS_RANK[call.status] ?? 0;
    const now = this.clock.now();
    const moved: unknown[] = await this.dataSource.query(
      `INSERT INTO call_logs (call_sid, from_number, to_number, status, status_rank, duration_seconds, started_at, ended_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::smallint, $6::int, $7::timestamptz, CASE WHEN $5::smallint >= 3 THEN $7::timestamptz END, $7::timestamptz)
       ON CONFLICT (call_sid) DO UPDATE
          SET status = EXCLUDED.status, status_rank = EXCLUDED.status_rank,
              duration_seconds = coalesce(EXCLUDED.duration_seconds, call_logs.duration_seconds),
              ended_at = coalesce(call_logs.ended_at, EXCLUDED.ended_at), updated_at = EXCLUDED.updated_at,
              wait_ended_at = CASE WHEN EXCLUDED.status_rank >= 3 AND call_logs.offered_at IS NOT NULL
                                   THEN coalesce(call_logs.wait_ended_at, EXCLUDED.updated_at) ELSE call_logs.wait_ended_at END
        WHERE call_logs.status_rank < EXCLUDED.status_rank
       RETURNING call_sid`,
      [call.callSid, call.from.slice(0, 40), call.to.slice(0, 40), call.status.slice(0, 20), rank, call.durationSeconds ?? null, now],
    );
    const ended = moved.length > 0 && rank >= 3;
    if (ended) await this.live.publishWallboard('call');
    return ended;
  }

  /** The caller asked for an agent: the wait the figures measure starts at the first ask. */
  async offered(callSid: string): Promise<void> {
    await this.dataSource.query('UPDATE call_logs SET offered_at = coalesce(offered_at, $2), updated_at = $2 WHERE call_sid = $1', [callSid, this.clock.now()]);
    await this.live.publishWallboard('call');
  }

  /** Twilio's Enqueue action: the caller left the agent queue (QueueResult), after QueueTime seconds in it. */
  async leftQueue(callSid: string, result: string, queueSeconds: number | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE call_logs SET queue_result = $2, queue_seconds = coalesce($3, queue_seconds),
              wait_ended_at = coalesce(wait_ended_at, $4), updated_at = $4
        WHERE call_sid = $1`,
      [callSid, result.slice(0, 30), queueSeconds, this.clock.now()],
    );
    await this.live.publishWallboard('call');
  }

  async chose(callSid: string, choice: MenuChoice): Promise<void> {
    await this.dataSource.query('UPDATE call_logs SET menu_choice = $2, updated_at = $3 WHERE call_sid = $1', [callSid, choice, this.clock.now()]);
  }

  /** An agent took the call (from the queue, Twilio tells how long it waited there). */
  async answeredBy(callSid: string, agentId: string, queueSeconds: number | null = null): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.query(
      `UPDATE call_logs SET agent_id = $2, answered_at = coalesce(answered_at, $3), wait_ended_at = coalesce(wait_ended_at, $3),
              queue_seconds = coalesce($4, queue_seconds), updated_at = $3
        WHERE call_sid = $1`,
      [callSid, agentId, now, queueSeconds],
    );
    await this.live.publishWallboard('call');
  }

  async recorded(callSid: string, recordingUrl: string): Promise<void> {
    await this.dataSource.query(`UPDATE call_logs SET recording_url = $2, menu_choice = 'voicemail', updated_at = $3 WHERE call_sid = $1`, [
      callSid,
      recordingUrl,
      this.clock.now(),
    ]);
  }
}

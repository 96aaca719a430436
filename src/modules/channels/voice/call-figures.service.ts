import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, endOfLocalDay, isLocalDate, localDateOf } from '@app/calendar';
import { AppConfig } from '@app/config';
import { Clock, InvalidFieldException } from '@app/common';
import { OPEN_STATUSES, Role, StaffPrincipal } from '@app/domain';
import { AgentStateDurations, AgentStates } from './agent-states.service';
import { CALL_FIGURES_SQL, VOICEMAILS_WAITING_SQL } from './call-figures.sql';

export interface CallFigures {
  offered: number;
  answered: number;
  abandoned: number;
  /** Sent on to a voicemail: nobody took the call within VOICE_QUEUE_WAIT_SECONDS. */
  voicemail: number;
  answeredWithinThreshold: number;
  /** Answered within the threshold, of all offered calls (abandoned ones included); null with none offered. */
  serviceLevelPercent: number | null;
  averageSpeedOfAnswerSeconds: number | null;
  averageHandlingSeconds: number | null;
  averageAbandonWaitSeconds: number | null;
  longestAbandonWaitSeconds: number | null;
  solvedDuringCall: number;
  /** Of the answered calls. */
  solvedDuringCallPercent: number | null;
}

export interface CallCentreReport {
  from: string;
  to: string;
  serviceLevel: { thresholdSeconds: number; targetPercent: number };
  total: CallFigures;
  byHour: (CallFigures & { hour: number })[];
  byDay: (CallFigures & { day: string })[];
  byAgent: (CallFigures & { agentId: string; fullName: string })[];
  voicemailsWaiting: number;
  agentStates: AgentStateDurations[];
}

type Row = Omit<CallFigures, 'serviceLevelPercent' | 'solvedDuringCallPercent'> & {
  by_hour: boolean;
  by_day: boolean;
  by_agent: boolean;
  hour: number | null;
  day: string | null;
  agent_id: string | null;
};

const EMPTY: Omit<Row, 'by_hour' | 'by_day' | 'by_agent' | 'hour' | 'day' | 'agent_id'> = {
  offered: 0,
  answered: 0,
  abandoned: 0,
  voicemail: 0,
  answeredWithinThreshold: 0,
  averageSpeedOfAnswerSeconds: null,
  averageHandlingSeconds: null,
  averageAbandonWaitSeconds: null,
  longestAbandonWaitSeconds: null,
  solvedDuringCall: 0,
};

const MAX_DAYS = 366;

const percent = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : null);
const round = (seconds: number | null) => (seconds === null ? null : Math.round(seconds * 10) / 10);

/** Istanbul midnight starting `date`. */
export const startOfLocalDay = (date: string) => new Date(endOfLocalDay(addDays(date, -1)).getTime() + 1);

/** The call centre's figures from the call log and the agents' state transitions. */
@Injectable()
export class CallFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly states: AgentStates,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get serviceLevel(): { thresholdSeconds: number; targetPercent: number } {
    return { thresholdSeconds: this.config.VOICE_SERVICE_LEVEL_SECONDS, targetPercent: this.config.VOICE_SERVICE_LEVEL_TARGET_PERCENT };
  }

  /** Istanbul dates, both inclusive (today when absent). An agent gets the calls they answered and their own states. */
  async report(user: StaffPrincipal, fromDate?: string, toDate?: string): Promise<CallCentreReport> {
    const today = localDateOf(this.clock.now());
    const from = fromDate ?? today;
    const to = toDate ?? from;
    if (!isLocalDate(from)) throw new InvalidFieldException('from', `from: ${from} geçerli bir tarih değil`);
    if (!isLocalDate(to)) throw new InvalidFieldException('to', `to: ${to} geçerli bir tarih değil`);
    if (to < from) throw new InvalidFieldException('to', `to: dönem sonu (${to}) başlangıçtan (${from}) önce olamaz`);
    if (to > addDays(from, MAX_DAYS - 1)) throw new InvalidFieldException('to', `to: dönem en çok ${MAX_DAYS} gün olabilir`);
    const [start, end] = [startOfLocalDay(from), startOfLocalDay(addDays(to, 1))];
    const agentId = user.role === Role.Agent ? user.id : undefined;
    const rows = await this.figures(start, end, agentId);
    const names = await this.names(rows.filter((r) => r.by_agent && r.agent_id).map((r) => r.agent_id!));
    return {
      from,
      to,
      serviceLevel: this.serviceLevel,
      total: this.shape(rows.find((r) => !r.by_hour && !r.by_day && !r.by_agent) ?? EMPTY),
      byHour: rows
        .filter((r) => r.by_hour)
        .map((r) => ({ hour: r.hour!, ...this.shape(r) }))
        .sort((a, b) => a.hour - b.hour),
      byDay: rows
        .filter((r) => r.by_day)
        .map((r) => ({ day: r.day!, ...this.shape(r) }))
        .sort((a, b) => a.day.localeCompare(b.day)),
      byAgent: rows
        .filter((r) => r.by_agent && r.agent_id)
        .map((r) => ({ agentId: r.agent_id!, fullName: names.get(r.agent_id!) ?? '', ...this.shape(r) }))
        .sort((a, b) => a.fullName.localeCompare(b.fullName, 'tr')),
      voicemailsWaiting: agentId ? 0 : await this.voicemailsWaiting(),
      agentStates: await this.states.durations(start, end, agentId),
    };
  }

  /** Figures over [start, end), whole period only. */
  async totals(start: Date, end: Date): Promise<CallFigures> {
    const rows = await this.figures(start, end);
    return this.shape(rows.find((r) => !r.by_hour && !r.by_day && !r.by_agent) ?? EMPTY);
  }

  async voicemailsWaiting(): Promise<number> {
    return (await this.dataSource.query(VOICEMAILS_WAITING_SQL, [OPEN_STATUSES]))[0].n;
  }

  private figures(start: Date, end: Date, agentId?: string): Promise<Row[]> {
    return this.dataSource.query(CALL_FIGURES_SQL, [start, end, agentId ?? null, this.config.VOICE_SERVICE_LEVEL_SECONDS]);
  }

  private async names(ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; full_name: string }[] = ids.length
      ? await this.dataSource.query('SELECT id, full_name FROM users WHERE id = ANY($1)', [ids])
      : [];
    return new Map(rows.map((r) => [r.id, r.full_name]));
  }

  private shape(r: typeof EMPTY): CallFigures {
    return {
      offered: r.offered,
      answered: r.answered,
      abandoned: r.abandoned,
      voicemail: r.voicemail,
      answeredWithinThreshold: r.answeredWithinThreshold,
      serviceLevelPercent: percent(r.answeredWithinThreshold, r.offered),
      averageSpeedOfAnswerSeconds: round(r.averageSpeedOfAnswerSeconds),
      averageHandlingSeconds: round(r.averageHandlingSeconds),
      averageAbandonWaitSeconds: round(r.averageAbandonWaitSeconds),
      longestAbandonWaitSeconds: round(r.longestAbandonWaitSeconds),
      solvedDuringCall: r.solvedDuringCall,
      solvedDuringCallPercent: percent(r.solvedDuringCall, r.answered),
    };
  }
}

import type { AgentState } from '@app/domain';

/** The figures of GET /call-centre/figures (its total and each hour, day and agent row) and the wallboard's `today`. */
export interface CallFigures {
  offered: number;
  answered: number;
  abandoned: number;
  voicemail: number;
  answeredWithinThreshold: number;
  serviceLevelPercent: number | null;
  averageSpeedOfAnswerSeconds: number | null;
  averageHandlingSeconds: number | null;
  averageAbandonWaitSeconds: number | null;
  longestAbandonWaitSeconds: number | null;
  solvedDuringCall: number;
  solvedDuringCallPercent: number | null;
}

export interface ServiceLevel {
  thresholdSeconds: number;
  targetPercent: number;
}

/** GET /call-centre/wallboard. */
export interface Wallboard {
  at: string;
  waitingCalls: number;
  longestWaitSeconds: number | null;
  agents: Record<AgentState, number>;
  agentList: { fullName: string; state: AgentState; since: string | null }[];
  today: CallFigures;
  serviceLevel: ServiceLevel & { met: boolean | null };
  voicemailsWaiting: number;
}

/** GET /call-centre/figures. */
export interface CallCentreReport {
  from: string;
  to: string;
  serviceLevel: ServiceLevel;
  total: CallFigures;
  byHour: (CallFigures & { hour: number })[];
  byDay: (CallFigures & { day: string })[];
  byAgent: (CallFigures & { agentId: string; fullName: string })[];
  voicemailsWaiting: number;
  agentStates: { userId: string; fullName: string; seconds: Record<AgentState, number> }[];
}

/** "1:05" (minutes:seconds) or "1:02:05"; a dash when there is nothing to time. */
export function clock(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return h ? `${h}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`;
}

export const percentText = (value: number | null) => (value === null ? '—' : `%${value.toLocaleString('tr-TR')}`);

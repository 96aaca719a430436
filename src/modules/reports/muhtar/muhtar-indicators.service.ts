import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ResourceNotFoundException } from '@app/common';
import { InjectReportsDataSource } from '@app/database';
import { ReportFilter, REPORT_TIME_ZONE, whereClause } from '../report-filter';
import { ReportsService } from '../reports.service';
import { MuhtarActivityKind } from './muhtar-activity.entity';
import { MuhtarIndicatorCode, MuhtarPlan } from './muhtar-plan';

/**
 * The facts (alias `f`) of the tickets a muhtar brought, or collected at a muhtar meeting or visit,
 * that meet `where` (conditions on `f`): those of the muhtar channel by their partial index, and the
 * linked ones by the links, so neither reads the period's other facts.
 */
const muhtarFacts = (where: string) =>
  `(SELECT f.* FROM report_ticket_facts f WHERE ${where} AND f.channel = 'muhtar'
    UNION ALL
    SELECT f.* FROM muhtar_activity_tickets l JOIN report_ticket_facts f ON f.ticket_id = l.ticket_id WHERE ${where} AND f.channel <> 'muhtar') f`;
const FULFILLED = `f.resolved_at IS NOT NULL AND f.resolution IN ('answered', 'solved_during_call', 'closed')`;

/** The tickets behind each ticket-based indicator, as conditions on the muhtar tickets' facts. */
const DRILL_DOWN: Record<string, string> = {
  'PG7.4.3': `AND f.kind IN ('sikayet', 'talep')`,
  'PG7.4.4': `AND f.kind = 'sikayet' AND f.open_minutes IS NOT NULL`,
  'PG7.4.5': `AND f.kind = 'talep' AND f.open_minutes IS NOT NULL`,
};

export interface Indicator {
  code: MuhtarIndicatorCode;
  name: string;
  value: number | null;
  unit: 'count' | 'percent' | 'days';
  /** The plan's target for the plan period holding the report's last day (a year's, or 2019 H2's). */
  target: number;
  planPeriod: string;
  /** The report runs past the plan's last period, whose target is carried forward. */
  targetCarried: boolean;
  /** For counts the share of the plan's targets due in the report's days; otherwise the target. */
  targetForPeriod: number;
  comparison: 'at_least' | 'at_most';
  met: boolean | null;
  /** Its share of the goal's score (percent), and how much of the target was reached (0–1, capped). */
  weight: number;
  achievement: number | null;
  basis: Record<string, number>;
  /** Where the tickets or the meetings behind the figure are listed. */
  drillDown: string;
}

const round = (n: number | null, digits: number) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

/** The Muhtarlık İşleri plan's indicators PG7.4.1–PG7.4.5 over a period, beside the data file's targets and weights. */
@Injectable()
export class MuhtarIndicators {
  constructor(
    // Read on the replica when one is configured, like the other reports.
    @InjectReportsDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    private readonly plan: MuhtarPlan,
  ) {}

  async compute(filter: ReportFilter) {
    const held = await this.heldCounts(filter);
    const where = whereClause(filter);
    const [t] = await this.reports.read<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE f.kind IN ('sikayet', 'talep'))::int AS "all", count(*) FILTER (WHERE f.kind IN ('sikayet', 'talep') AND ${FULFILLED})::int AS "fulfilled",
              count(f.open_minutes) FILTER (WHERE f.kind = 'sikayet')::int AS "complaints", avg(f.open_minutes) FILTER (WHERE f.kind = 'sikayet') / 1440 AS "complaintDays",
              count(f.open_minutes) FILTER (WHERE f.kind = 'talep')::int AS "requests", avg(f.open_minutes) FILTER (WHERE f.kind = 'talep') / 1440 AS "requestDays"
         FROM ${muhtarFacts(where.sql)}`,
      where.params,
    );
    const plan = (code: MuhtarIndicatorCode) => this.plan.target(code, filter.from, filter.to);
    const base = `/api/v1/reports/muhtar-indicators`;
    const activities = (kind: MuhtarActivityKind) => `/api/v1/muhtar-activities?kind=${kind}&held=true`;
    const percent = t.all ? (100 * t.fulfilled) / t.all : null;
    const indicators: Indicator[] = [
      indicator('PG7.4.1', 'Muhtarlarla koordinasyon toplantısı', 'count', held.meetings, { held: held.meetings }, activities(MuhtarActivityKind.Meeting)),
      indicator('PG7.4.2', 'Periyodik muhtar ziyareti', 'count', held.visits, { held: held.visits }, activities(MuhtarActivityKind.Visit)),
      indicator(
        'PG7.4.3',
        'Karşılanan muhtar şikâyet ve talepleri oranı',
        'percent',
        round(percent, 1),
        { tickets: t.all, fulfilled: t.fulfilled },
        `${base}/PG7.4.3/tickets`,
      ),
      indicator(
        'PG7.4.4',
        'Muhtar şikâyetlerine ortalama cevap süresi (gün)',
        'days',
        round(t.complaintDays, 2),
        { answered: t.complaints },
        `${base}/PG7.4.4/tickets`,
      ),
      indicator(
        'PG7.4.5',
        'Muhtar taleplerine ortalama cevap süresi (gün)',
        'days',
        round(t.requestDays, 2),
        { answered: t.requests },
        `${base}/PG7.4.5/tickets`,
      ),
    ];
    return { ...this.reports.describe(filter), planBasis: this.plan.basis, indicators, score: score(indicators) };

    function indicator(
      code: MuhtarIndicatorCode,
      name: string,
      unit: Indicator['unit'],
      value: number | null,
      basis: Record<string, number>,
      drillDown: string,
    ): Indicator {
      const p = plan(code);
      const comparison = unit === 'days' ? 'at_most' : 'at_least';
      const targetForPeriod = unit === 'count' ? p.forDays : p.target;
      return {
        code,
        name,
        value,
        unit,
        target: p.target,
        planPeriod: p.planPeriod,
        targetCarried: p.carried,
        targetForPeriod,
        comparison,
        met: value === null ? null : comparison === 'at_least' ? value >= targetForPeriod : value <= targetForPeriod,
        weight: p.weight,
        achievement: round(achievement(value, targetForPeriod, comparison), 3),
        basis,
        drillDown,
      };
    }
  }

  /** The tickets behind PG7.4.3–PG7.4.5 (meetings and visits are listed by the muhtar calendar). */
  tickets(code: string, filter: ReportFilter, page: number, pageSize: number) {
    const extra = DRILL_DOWN[code];
    if (!extra) throw new ResourceNotFoundException(`${code} göstergesinin başvuru listesi`);
    return this.reports.ticketPage(filter, extra, page, pageSize, muhtarFacts);
  }

  private async heldCounts(filter: ReportFilter): Promise<{ meetings: number; visits: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE kind = $3)::int AS meetings, count(*) FILTER (WHERE kind = $4)::int AS visits
         FROM muhtar_activities
        WHERE cancelled_at IS NULL AND held_at >= ($1::date::timestamp AT TIME ZONE '${REPORT_TIME_ZONE}')
          AND held_at < (($2::date + 1)::timestamp AT TIME ZONE '${REPORT_TIME_ZONE}')`,
      [filter.from, filter.to, MuhtarActivityKind.Meeting, MuhtarActivityKind.Visit],
    );
    return row;
  }
}

/** How much of the target a value reaches, capped at 1; null without a value. */
export function achievement(value: number | null, target: number, comparison: 'at_least' | 'at_most'): number | null {
  if (value === null) return null;
  if (comparison === 'at_least') return target <= 0 ? 1 : Math.min(1, value / target);
  return value <= target ? 1 : target / value;
}

/** The goal's composite score (0–100): the weighted achievements of the indicators that have a value, over their weights. */
export function score(indicators: Pick<Indicator, 'weight' | 'achievement'>[]) {
  const counted = indicators.filter((i) => i.achievement !== null);
  const weights = counted.reduce((sum, i) => sum + i.weight, 0);
  const value = weights ? counted.reduce((sum, i) => sum + i.weight * i.achievement!, 0) / weights : null;
  return { value: round(value === null ? null : value * 100, 1), weightCounted: weights, weightTotal: indicators.reduce((sum, i) => sum + i.weight, 0) };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { ResourceNotFoundException } from '@app/common';
import { ReportFilter, REPORT_TIME_ZONE, whereClause } from '../report-filter';
import { ReportsService } from '../reports.service';
import { MuhtarActivityKind } from './muhtar-activity.entity';

/** A ticket the muhtar brought, or one collected at a muhtar meeting or visit. */
const MUHTAR_TICKET = `(f.channel = 'muhtar' OR EXISTS (SELECT 1 FROM muhtar_activity_tickets l WHERE l.ticket_id = f.ticket_id))`;
const FULFILLED = `f.resolved_at IS NOT NULL AND f.resolution IN ('answered', 'solved_during_call', 'closed')`;

/** The tickets behind each ticket-based indicator, as conditions on the facts. */
const DRILL_DOWN: Record<string, string> = {
  'PG7.4.3': `AND ${MUHTAR_TICKET} AND f.kind IN ('sikayet', 'talep')`,
  'PG7.4.4': `AND ${MUHTAR_TICKET} AND f.kind = 'sikayet' AND f.open_minutes IS NOT NULL`,
  'PG7.4.5': `AND ${MUHTAR_TICKET} AND f.kind = 'talep' AND f.open_minutes IS NOT NULL`,
};

export interface Indicator {
  code: string;
  name: string;
  value: number | null;
  unit: 'count' | 'percent' | 'days';
  /** The plan's yearly target, and the share of it due in this period for counts. */
  target: number;
  targetForPeriod: number;
  comparison: 'at_least' | 'at_most';
  met: boolean | null;
  basis: Record<string, number>;
  /** Where the tickets or the meetings behind the figure are listed. */
  drillDown: string;
}

/** The Muhtarlık İşleri plan's indicators PG7.4.1–PG7.4.5 over a period, beside their targets. */
@Injectable()
export class MuhtarIndicators {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    private readonly config: AppConfig,
  ) {}

  async compute(filter: ReportFilter) {
    const { period } = this.reports.describe(filter);
    const held = await this.heldCounts(filter);
    const where = whereClause(filter);
    const [t] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE f.kind IN ('sikayet', 'talep'))::int AS "all", count(*) FILTER (WHERE f.kind IN ('sikayet', 'talep') AND ${FULFILLED})::int AS "fulfilled",
              count(f.open_minutes) FILTER (WHERE f.kind = 'sikayet')::int AS "complaints", avg(f.open_minutes) FILTER (WHERE f.kind = 'sikayet') / 1440 AS "complaintDays",
              count(f.open_minutes) FILTER (WHERE f.kind = 'talep')::int AS "requests", avg(f.open_minutes) FILTER (WHERE f.kind = 'talep') / 1440 AS "requestDays"
         FROM report_ticket_facts f WHERE ${where.sql} AND ${MUHTAR_TICKET}`,
      where.params,
    );
    const c = this.config;
    const share = period.days >= 365 ? 1 : period.days / 365;
    const round = (n: number | null, digits: number) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);
    const base = `/api/v1/reports/muhtar-indicators`;
    const indicators: Indicator[] = [
      count(
        'PG7.4.1',
        'Muhtarlarla koordinasyon toplantısı',
        held.meetings,
        c.MUHTAR_TARGET_MEETINGS_PER_YEAR,
        share,
        `/api/v1/muhtar-activities?kind=${MuhtarActivityKind.Meeting}&held=true`,
      ),
      count(
        'PG7.4.2',
        'Periyodik muhtar ziyareti',
        held.visits,
        c.MUHTAR_TARGET_VISITS_PER_YEAR,
        share,
        `/api/v1/muhtar-activities?kind=${MuhtarActivityKind.Visit}&held=true`,
      ),
      {
        code: 'PG7.4.3',
        name: 'Karşılanan muhtar şikâyet ve talepleri oranı',
        value: t.all ? round((100 * t.fulfilled) / t.all, 1) : null,
        unit: 'percent',
        target: c.MUHTAR_TARGET_FULFILLED_PERCENT,
        targetForPeriod: c.MUHTAR_TARGET_FULFILLED_PERCENT,
        comparison: 'at_least',
        met: t.all ? (100 * t.fulfilled) / t.all >= c.MUHTAR_TARGET_FULFILLED_PERCENT : null,
        basis: { tickets: t.all, fulfilled: t.fulfilled },
        drillDown: `${base}/PG7.4.3/tickets`,
      },
      days(
        'PG7.4.4',
        'Muhtar şikâyetlerine ortalama cevap süresi (gün)',
        t.complaintDays,
        t.complaints,
        c.MUHTAR_TARGET_COMPLAINT_DAYS,
        `${base}/PG7.4.4/tickets`,
      ),
      days('PG7.4.5', 'Muhtar taleplerine ortalama cevap süresi (gün)', t.requestDays, t.requests, c.MUHTAR_TARGET_REQUEST_DAYS, `${base}/PG7.4.5/tickets`),
    ];
    return { ...this.reports.describe(filter), indicators };

    function count(code: string, name: string, value: number, target: number, part: number, drillDown: string): Indicator {
      const targetForPeriod = round(target * part, 1)!;
      return {
        code,
        name,
        value,
        unit: 'count',
        target,
        targetForPeriod,
        comparison: 'at_least',
        met: value >= targetForPeriod,
        basis: { held: value },
        drillDown,
      };
    }
    function days(code: string, name: string, value: number | null, answered: number, target: number, drillDown: string): Indicator {
      return {
        code,
        name,
        value: round(value, 2),
        unit: 'days',
        target,
        targetForPeriod: target,
        comparison: 'at_most',
        met: value === null ? null : value <= target,
        basis: { answered },
        drillDown,
      };
    }
  }

  /** The tickets behind PG7.4.3–PG7.4.5 (meetings and visits are listed by the muhtar calendar). */
  tickets(code: string, filter: ReportFilter, page: number, pageSize: number) {
    const extra = DRILL_DOWN[code];
    if (!extra) throw new ResourceNotFoundException(`${code} göstergesinin başvuru listesi`);
    return this.reports.ticketPage(filter, extra, page, pageSize);
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

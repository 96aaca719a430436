import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { InjectReportsDataSource } from '@app/database';
import { addDays, isLocalDate, localDateOf } from '@app/calendar';
import { Clock, InvalidFieldException } from '@app/common';
import { OPEN_STATUSES, TicketKind } from '@app/domain';
import { checkPeriod, ReportPeriod } from '../report-period';
import { PublicStatsQueryDto } from './public-stats.dto';

const DEFAULT_DAYS = 30;
// Points are rounded to three decimals before they leave the database: about 110 m north–south
// and 90 m east–west at Türkiye's latitudes — the street, not the house.
export const MAP_DECIMALS = 3;

export interface StatsRow {
  name: string;
  received: number;
  answered: number;
  answeredInTime: number;
  inTimeShare: number | null;
  medianDays: number | null;
}

/**
 * The public page's figures: per department and mahalle, from the reports' read model, and
 * the map's points from open and recently answered tickets — rounded, without names, texts or
 * addresses; an ihbar is never shown.
 */
@Injectable()
export class PublicStats {
  constructor(
    // A public page: read from the replica when one is configured (REPORTS_DATABASE_URL).
    @InjectReportsDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  period(query: PublicStatsQueryDto): ReportPeriod {
    const to = query.to ?? localDateOf(this.clock.now());
    if (!isLocalDate(to)) throw new InvalidFieldException('to', `to: ${to} geçerli bir tarih değil`);
    const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
    return checkPeriod(from, to, this.config.REPORTS_MAX_PERIOD_DAYS);
  }

  async statistics(query: PublicStatsQueryDto) {
    const period = this.period(query);
    const [departments, mahalleler] = await Promise.all([this.rows(period, 'departments', 'department_id'), this.rows(period, 'mahalleler', 'mahalle_id')]);
    return { ...period, departments, mahalleler };
  }

  async map(query: PublicStatsQueryDto) {
    const period = this.period(query);
    const points: { lat: number; long: number; category: string | null; mahalle: string | null; state: 'open' | 'answered'; count: number }[] =
      await this.dataSource.query(
        `SELECT round(t.latitude::numeric, ${MAP_DECIMALS})::float AS lat, round(t.longitude::numeric, ${MAP_DECIMALS})::float AS long,
                c.name AS category, m.name AS mahalle,
                CASE WHEN t.status = ANY($3::ticket_status[]) THEN 'open' ELSE 'answered' END AS state, count(*)::int AS count
           FROM tickets t
           LEFT JOIN categories c ON c.id = t.category_id
           LEFT JOIN mahalleler m ON m.id = t.mahalle_id
          WHERE t.kind <> $4 AND t.latitude IS NOT NULL AND t.status <> 'merged'
            AND (t.status = ANY($3::ticket_status[])
                 OR (t.answered_at AT TIME ZONE 'Europe/Istanbul')::date BETWEEN $1::date AND $2::date)
          GROUP BY 1, 2, 3, 4, 5
          ORDER BY 1, 2`,
        [period.from, period.to, OPEN_STATUSES, TicketKind.Ihbar],
      );
    return { ...period, decimals: MAP_DECIMALS, points };
  }

  /** Received in the period, answered, answered by the deadline, median days to the answer. */
  private rows(period: ReportPeriod, table: 'departments' | 'mahalleler', column: 'department_id' | 'mahalle_id'): Promise<StatsRow[]> {
    return this.dataSource.query(
      `SELECT x.name, count(*)::int AS received,
              count(f.resolved_at)::int AS answered,
              count(*) FILTER (WHERE f.resolved_at <= f.resolution_due_at)::int AS "answeredInTime",
              round(count(*) FILTER (WHERE f.resolved_at <= f.resolution_due_at)::numeric / nullif(count(f.resolved_at), 0), 3)::float AS "inTimeShare",
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY f.open_minutes) / 1440)::numeric, 1)::float AS "medianDays"
         FROM report_ticket_facts f JOIN ${table} x ON x.id = f.${column}
        WHERE f.created_day BETWEEN $1::date AND $2::date
        GROUP BY x.name ORDER BY received DESC, x.name`,
      [period.from, period.to],
    );
  }
}

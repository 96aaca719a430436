import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { DEPARTMENT_ROLES, StaffPrincipal } from '@app/domain';
import { SummaryGroup, SurveySummaryQueryDto } from './dto/survey-summary.dto';

// Group key and label of each grouping; months in Istanbul time.
const GROUPS: Record<SummaryGroup, { key: string; name: string; join: string }> = {
  department: { key: 't.department_id::text', name: 'd.name', join: 'LEFT JOIN departments d ON d.id = t.department_id' },
  category: { key: 't.category_id::text', name: 'c.name', join: 'LEFT JOIN categories c ON c.id = t.category_id' },
  month: {
    key: `to_char(s.asked_at AT TIME ZONE 'Europe/Istanbul', 'YYYY-MM')`,
    name: `to_char(s.asked_at AT TIME ZONE 'Europe/Istanbul', 'YYYY-MM')`,
    join: '',
  },
};

export interface SurveyGroupSummary {
  key: string | null;
  name: string | null;
  asked: number;
  answered: number;
  /** Mean of the 1–5 scores given; null when none. */
  average: number | null;
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
  notSolved: number;
  reopened: number;
}

/** Satisfaction for reports: response, average and distribution of scores per department, category or month. */
@Injectable()
export class SurveyReports {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async summary(user: StaffPrincipal, query: SurveySummaryQueryDto) {
    const to = query.to ?? this.clock.now();
    const from = query.from ?? new Date(to.getTime() - 30 * 86_400_000);
    const groupBy = query.groupBy ?? 'department';
    const group = GROUPS[groupBy];
    // A department's manager sees their own department's figures only.
    const department = DEPARTMENT_ROLES.includes(user.role) ? user.departmentId : null;
    const rows: Record<string, string | number | null>[] = await this.dataSource.query(
      `SELECT ${group.key} AS key, ${group.name} AS name, count(*)::int AS asked, count(s.answered_at)::int AS answered,
              round(avg(s.score), 2)::float AS average,
              ${[1, 2, 3, 4, 5].map((n) => `count(*) FILTER (WHERE s.score = ${n})::int AS s${n}`).join(', ')},
              count(*) FILTER (WHERE s.solved = false)::int AS not_solved, count(*) FILTER (WHERE s.reopened)::int AS reopened
         FROM ticket_surveys s JOIN tickets t ON t.id = s.ticket_id ${group.join}
        WHERE s.asked_at >= $1 AND s.asked_at < $2 AND ($3::uuid IS NULL OR t.department_id = $3)
        GROUP BY 1, 2 ORDER BY 2 NULLS LAST`,
      [from, to, department],
    );
    const groups: SurveyGroupSummary[] = rows.map((r) => ({
      key: r.key as string | null,
      name: r.name as string | null,
      asked: r.asked as number,
      answered: r.answered as number,
      average: r.average as number | null,
      distribution: { '1': r.s1 as number, '2': r.s2 as number, '3': r.s3 as number, '4': r.s4 as number, '5': r.s5 as number },
      notSolved: r.not_solved as number,
      reopened: r.reopened as number,
    }));
    return { from, to, groupBy, groups };
  }
}

import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional } from 'class-validator';

export const SUMMARY_GROUPS = ['department', 'category', 'month'] as const;
export type SummaryGroup = (typeof SUMMARY_GROUPS)[number];

/** Which surveys (by the time they were asked) and how to group them. */
export class SurveySummaryQueryDto {
  /** Asked at or after; default 30 days ago. */
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from: tarih olmalı (2026-11-01)' })
  from?: Date;

  /** Asked before; default now. */
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to: tarih olmalı (2026-12-01)' })
  to?: Date;

  @IsOptional()
  @IsIn(SUMMARY_GROUPS, { message: `groupBy: şunlardan biri olmalı: ${SUMMARY_GROUPS.join(', ')}` })
  groupBy?: SummaryGroup;
}

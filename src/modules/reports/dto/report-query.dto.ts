import { Type } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { MAX_PAGE } from '@app/common';
import { ATTRIBUTE_FILTER, ATTRIBUTE_FILTER_MESSAGE, TicketChannel, TicketKind } from '@app/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A report's period (Istanbul dates, both inclusive) and its filters; nothing else is accepted. */
export class ReportQueryDto {
  @Matches(DATE, { message: 'from: YYYY-AA-GG biçiminde bir tarih olmalı' })
  from: string;

  @Matches(DATE, { message: 'to: YYYY-AA-GG biçiminde bir tarih olmalı' })
  to: string;

  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @IsOptional()
  @IsUUID()
  mahalleId?: string;

  @IsOptional()
  @IsEnum(TicketKind)
  kind?: TicketKind;

  @IsOptional()
  @IsEnum(TicketChannel)
  channel?: TicketChannel;

  /** One of the category's extra fields, `code=value` (a list field matches any picked key). */
  @IsOptional()
  @Matches(ATTRIBUTE_FILTER, { message: ATTRIBUTE_FILTER_MESSAGE })
  attribute?: string;
}

export class VolumeQueryDto extends ReportQueryDto {
  @IsOptional()
  @IsIn(['day', 'week', 'month'])
  interval?: 'day' | 'week' | 'month';
}

export const RESOLUTION_GROUPS = ['kind', 'department', 'category', 'channel', 'mahalle'] as const;
export type ResolutionGroup = (typeof RESOLUTION_GROUPS)[number];

export class ResolutionQueryDto extends ReportQueryDto {
  @IsOptional()
  @IsIn(RESOLUTION_GROUPS)
  groupBy?: ResolutionGroup;
}

export class TopSubjectsQueryDto extends ReportQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  top?: number;
}

export class DrillDownQueryDto extends ReportQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

/** A year's report (Law 4982 art. 30): Istanbul calendar year, optionally one department. */
export class YearReportQueryDto {
  @Type(() => Number)
  @IsInt({ message: 'year: bir yıl olmalı' })
  @Min(2004, { message: 'year: 2004 ile 2100 arasında olmalı' })
  @Max(2100, { message: 'year: 2004 ile 2100 arasında olmalı' })
  year: number;

  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

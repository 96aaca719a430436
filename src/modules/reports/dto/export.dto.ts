import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { RESOLUTION_GROUPS, ReportQueryDto, ResolutionGroup } from './report-query.dto';
import { REPORT_NAMES, ReportName } from '../report-definitions';
import { EXPORT_FORMATS, ExportFormat } from '../exports/table-writer';

/** A report to export and how: its period and filters plus the report's own options. */
export class ExportQueryDto extends ReportQueryDto {
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;

  @IsOptional()
  @IsIn(['day', 'week', 'month'])
  interval?: 'day' | 'week' | 'month';

  @IsOptional()
  @IsIn(RESOLUTION_GROUPS)
  groupBy?: ResolutionGroup;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  top?: number;
}

export class StartExportDto extends ExportQueryDto {
  @IsIn(REPORT_NAMES)
  report: ReportName;
}

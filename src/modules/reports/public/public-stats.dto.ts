import { IsOptional, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period the public page shows (Istanbul dates, inclusive); the last 30 days by default. */
export class PublicStatsQueryDto {
  @IsOptional()
  @Matches(DATE, { message: 'from: YYYY-AA-GG biçiminde bir tarih olmalı' })
  from?: string;

  @IsOptional()
  @Matches(DATE, { message: 'to: YYYY-AA-GG biçiminde bir tarih olmalı' })
  to?: string;
}

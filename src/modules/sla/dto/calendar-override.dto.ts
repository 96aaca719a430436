import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsISO8601, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { OverrideKind } from '@app/calendar';

export class CreateCalendarOverrideDto {
  /** The day, `YYYY-MM-DD` (Istanbul calendar). */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date: YYYY-AA-GG biçiminde bir tarih olmalı' })
  @IsISO8601({ strict: true }, { message: 'date: geçerli bir tarih değil' })
  date: string;

  @IsEnum(OverrideKind, { message: `kind: ${Object.values(OverrideKind).join(', ')} değerlerinden biri olmalı` })
  kind: OverrideKind;

  /** Why, as staff will read it ("Cumhurbaşkanlığı genelgesi ile köprü günü"). */
  @IsString()
  @MinLength(3, { message: 'reason: en az 3 karakter olmalı' })
  @MaxLength(200)
  reason: string;
}

export class CalendarYearQueryDto {
  @Type(() => Number)
  @IsInt({ message: 'year: bir yıl olmalı' })
  @Min(2000, { message: 'year: 2000 ile 2100 arasında olmalı' })
  @Max(2100, { message: 'year: 2000 ile 2100 arasında olmalı' })
  year: number;
}

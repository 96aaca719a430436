import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DayEnd } from '@app/calendar';
import { LegalBasis } from '@app/domain';
import { DurationUnit } from '../deadline-policy.entity';

const UNITS = `${Object.values(DurationUnit).join(', ')} değerlerinden biri olmalı`;

/** A clock: a first response (optional) and a resolution, each an amount of a unit. */
export class CreateDeadlinePolicyDto {
  @Matches(/^[A-Z0-9_]{2,60}$/, { message: 'code: 2-60 büyük harf, rakam ya da _ olmalı' })
  code: string;

  @IsString()
  @MinLength(3)
  @MaxLength(160)
  name: string;

  @IsEnum(LegalBasis, { message: `legalBasis: ${Object.values(LegalBasis).join(', ')} değerlerinden biri olmalı` })
  legalBasis: LegalBasis;

  /** Set together with `firstResponseUnit`, or neither. */
  @IsOptional()
  @IsInt({ message: 'firstResponseAmount: tam sayı olmalı' })
  @Min(1, { message: 'firstResponseAmount: en az 1 olmalı' })
  @Max(3650)
  firstResponseAmount?: number | null;

  @IsOptional()
  @IsEnum(DurationUnit, { message: `firstResponseUnit: ${UNITS}` })
  firstResponseUnit?: DurationUnit | null;

  @IsInt({ message: 'resolutionAmount: tam sayı olmalı' })
  @Min(1, { message: 'resolutionAmount: en az 1 olmalı' })
  @Max(3650)
  resolutionAmount: number;

  @IsEnum(DurationUnit, { message: `resolutionUnit: ${UNITS}` })
  resolutionUnit: DurationUnit;

  /** Share of the allowed time after which the warning goes out, strictly between 0 and 1. */
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 3 }, { message: 'warningRatio: en fazla 3 ondalıklı bir sayı olmalı' })
  @Min(0.001, { message: 'warningRatio: 0 ile 1 arasında (ikisi hariç) olmalı' })
  @Max(0.999, { message: 'warningRatio: 0 ile 1 arasında (ikisi hariç) olmalı' })
  warningRatio?: number;

  /** Calendar-day periods end at midnight of their last day (default) or when the office closes. */
  @IsOptional()
  @IsEnum(DayEnd, { message: `calendarDayEnd: ${Object.values(DayEnd).join(', ')} değerlerinden biri olmalı` })
  calendarDayEnd?: DayEnd;

  /** A calendar-day period whose last day is a holiday or weekend ends on the next working day (default true). */
  @IsOptional()
  @IsBoolean({ message: 'extendPastDayOff: true ya da false olmalı' })
  extendPastDayOff?: boolean;

  /** A transfer to another department starts the clock afresh (otherwise it keeps running). */
  @IsOptional()
  @IsBoolean()
  restartOnTransfer?: boolean;
}

export class UpdateDeadlinePolicyDto extends PartialType(CreateDeadlinePolicyDto) {}

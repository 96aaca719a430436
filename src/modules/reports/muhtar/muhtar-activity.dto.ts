import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { MuhtarActivityKind } from './muhtar-activity.entity';

export class CreateMuhtarActivityDto {
  @IsEnum(MuhtarActivityKind)
  kind: MuhtarActivityKind;

  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @IsOptional()
  @IsUUID()
  mahalleId?: string;

  @Type(() => Date)
  @IsDate()
  plannedAt: Date;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  location?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}

export class UpdateMuhtarActivityDto {
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title?: string;

  @IsOptional()
  @Type(() => Date)
  @IsDate()
  plannedAt?: Date;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  location?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}

export class HoldMuhtarActivityDto {
  @Type(() => Date)
  @IsDate()
  heldAt: Date;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  attendance: number;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}

export class LinkTicketDto {
  @IsUUID()
  ticketId: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ListMuhtarActivitiesDto {
  @Matches(DATE, { message: 'from: YYYY-AA-GG biçiminde bir tarih olmalı' })
  from: string;

  @Matches(DATE, { message: 'to: YYYY-AA-GG biçiminde bir tarih olmalı' })
  to: string;

  @IsOptional()
  @IsEnum(MuhtarActivityKind)
  kind?: MuhtarActivityKind;

  /** One mahalle's calendar: its visits and the meetings of all muhtars. */
  @IsOptional()
  @IsUUID()
  mahalleId?: string;

  /** true: only those held in the period (what PG7.4.1–2 count); otherwise those planned in it. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  held?: boolean;
}

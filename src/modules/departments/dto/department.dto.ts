import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DepartmentLevel } from '../department.entity';

export class EscalationContactDto {
  @IsString()
  @Length(2, 120)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(120)
  title?: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @Matches(/^\+[1-9]\d{7,14}$/, { message: 'phone: uluslararası biçimde (E.164) olmalı, ör. +905321234567' })
  phone?: string;
}

export class CreateDepartmentDto {
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'code: 2–40 büyük harf, rakam ya da _ olmalı' })
  code: string;

  @IsString()
  @Length(2, 160)
  name: string;

  @IsEnum(DepartmentLevel)
  level: DepartmentLevel;

  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @IsOptional()
  @IsUUID()
  managerUserId?: string | null;

  @IsOptional()
  @IsEmail()
  email?: string | null;

  @IsOptional()
  @Matches(/^\+[1-9]\d{7,14}$/, { message: 'phone: uluslararası biçimde (E.164) olmalı, ör. +905321234567' })
  phone?: string | null;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => EscalationContactDto)
  escalationContacts?: EscalationContactDto[];

  @IsOptional()
  @IsBoolean()
  autoAssign?: boolean;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  maxOpenPerAssignee?: number;

  /** Working hours after a breach before the level above hears of it; null turns that step off. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2000)
  escalateAfterBreachHours?: number | null;

  @IsOptional()
  @IsBoolean()
  reassignOnBreach?: boolean;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateDepartmentDto extends PartialType(CreateDepartmentDto) {}

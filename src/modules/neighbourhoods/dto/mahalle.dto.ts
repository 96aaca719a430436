import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

export class CreateMahalleDto {
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'code: 2–40 büyük harf, rakam ya da _ olmalı' })
  code: string;

  @IsString()
  @Length(2, 120)
  name: string;

  @IsOptional()
  @IsString()
  @Length(2, 120)
  muhtarName?: string | null;

  @IsOptional()
  @Matches(/^\+[1-9]\d{7,14}$/, { message: 'muhtarPhone: uluslararası biçimde (E.164) olmalı, ör. +905321234567' })
  muhtarPhone?: string | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateMahalleDto extends PartialType(CreateMahalleDto) {}

import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

export class CreateMahalleDto {
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'code must be 2-40 upper-case letters, digits or _' })
  code: string;

  @IsString()
  @Length(2, 120)
  name: string;

  @IsOptional()
  @IsString()
  @Length(2, 120)
  muhtarName?: string | null;

  @IsOptional()
  @Matches(/^\+[1-9]\d{7,14}$/, { message: 'muhtarPhone must be in E.164 form, e.g. +905321234567' })
  muhtarPhone?: string | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateMahalleDto extends PartialType(CreateMahalleDto) {}

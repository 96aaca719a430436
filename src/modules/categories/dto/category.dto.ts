import { PartialType } from '@nestjs/swagger';
import { TicketKind, TicketPriority } from '@app/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { CategoryFieldDto } from './category-field.dto';

export class CreateCategoryDto {
  @Matches(/^[A-Z][A-Z0-9-]{1,39}$/, { message: 'serviceCode: TEM-001 biçiminde olmalı' })
  serviceCode: string;

  @IsString()
  @Length(2, 160)
  name: string;

  @IsEnum(TicketKind)
  kind: TicketKind;

  @IsOptional()
  @IsUUID()
  defaultDepartmentId?: string | null;

  @IsOptional()
  @IsUUID()
  referToInstitutionId?: string | null;

  @IsOptional()
  @IsUUID()
  deadlinePolicyId?: string | null;

  @IsOptional()
  @IsEnum(TicketPriority)
  defaultPriority?: TicketPriority;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(2, 60, { each: true })
  keywords?: string[];

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** Extra fields the category asks for (the whole list; replaces the previous one). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CategoryFieldDto)
  fields?: CategoryFieldDto[];
}

export class UpdateCategoryDto extends PartialType(CreateCategoryDto) {}

export class CategoryQueryDto {
  /** Free text, matched ignoring Turkish diacritics and case. */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

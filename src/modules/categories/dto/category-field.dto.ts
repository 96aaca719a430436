import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { FieldDatatype } from '@app/domain';

export class FieldOptionDto {
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'key: 1-40 harf, rakam, - veya _ olmalı' })
  key: string;

  @IsString()
  @Length(1, 120)
  name: string;
}

/** An extra field of a category, as admins define it. */
export class CategoryFieldDto {
  /** Open311 attribute code: what clients send as `attribute[code]`. */
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'code: küçük harfle başlayan, 1-40 küçük harf, rakam veya _ olmalı' })
  code: string;

  @IsString()
  @Length(2, 120)
  label: string;

  @IsEnum(FieldDatatype, { message: `datatype: şunlardan biri olmalı: ${Object.values(FieldDatatype).join(', ')}` })
  datatype: FieldDatatype;

  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FieldOptionDto)
  options?: FieldOptionDto[];

  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  order?: number;
}

import { Type } from 'class-transformer';
import { Role } from '@app/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ProcessEnd, STEP_DURATION_UNITS, StepDurationUnit } from '../process-definition';

/** Signs and order are checked by the template rules (so a negative value is named there, with its step). */
export class StepDurationDto {
  @IsOptional() @IsInt() min?: number;
  @IsInt() max: number;
  @IsIn(STEP_DURATION_UNITS) unit: StepDurationUnit;
}

export class StepOutcomeDto {
  @IsString() @Matches(/^[a-z0-9_]{1,40}$/) code: string;
  @IsString() @IsNotEmpty() @MaxLength(200) label: string;
  @IsOptional() @IsString() next?: string | null;
  @IsOptional() @IsEnum(ProcessEnd) end?: ProcessEnd | null;
}

export class StepDefinitionDto {
  @IsString() @MaxLength(40) key: string;
  @IsString() @IsNotEmpty() @MaxLength(300) name: string;
  @IsOptional() @IsUUID() departmentId?: string | null;
  @IsOptional() @IsEnum(Role) role?: Role | null;
  @IsOptional() @IsString() @MaxLength(200) actor?: string | null;
  @IsOptional() @IsString() @MaxLength(500) referenceDocument?: string | null;
  @ValidateNested() @Type(() => StepDurationDto) duration: StepDurationDto;
  @IsOptional() @IsString() next?: string | null;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => StepOutcomeDto) outcomes?: StepOutcomeDto[] | null;
}

export class ProcessTemplateDto {
  @IsString() @Matches(/^[A-Z0-9_]{2,60}$/, { message: 'code: büyük harf, rakam ve _ (ör. KARDES_SEHIR)' }) code: string;
  @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @IsOptional() @IsString() description?: string | null;
  @IsUUID() ownerDepartmentId: string;
  @IsOptional() @IsNumber() @Min(0.01) @Max(1) targetOnTimeRatio?: number;
  @IsOptional() @IsNumber() @Min(0.1) @Max(0.99) warningRatio?: number;
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => StepDefinitionDto) steps: StepDefinitionDto[];
  @IsOptional() @IsBoolean() active?: boolean;
}

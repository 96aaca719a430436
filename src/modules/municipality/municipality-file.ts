import { Type } from 'class-transformer';
import { DayEnd } from '@app/calendar';
import { LegalBasis, Role, TicketKind, TicketPriority } from '@app/domain';
import { ArrayMinSize, IsArray, IsBoolean, IsEmail, IsEnum, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { DepartmentLevel, EscalationContactDto } from '../departments';
import { DurationUnit } from '../sla';

/** The shape of `data/municipality.json`, which a municipality edits to describe itself. */
class FileDepartment {
  @IsString() code: string;
  @IsString() name: string;
  @IsEnum(DepartmentLevel) level: DepartmentLevel;
  @IsOptional() @IsString() parent: string | null;
  @IsOptional() @IsEmail() email?: string;
  @IsOptional() @IsString() phone?: string;
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => EscalationContactDto)
  escalationContacts?: EscalationContactDto[];
}

class FileInstitution {
  @IsString() code: string;
  @IsString() name: string;
  @IsOptional() @IsString() phone?: string;
  @IsOptional() @IsString() website?: string;
}

class FileDuration {
  @IsInt() @Min(1) amount: number;
  @IsEnum(DurationUnit) unit: DurationUnit;
}

class FilePolicy {
  @IsString() code: string;
  @IsString() name: string;
  @IsEnum(LegalBasis) legalBasis: LegalBasis;
  @IsOptional() @ValidateNested() @Type(() => FileDuration) firstResponse?: FileDuration;
  @ValidateNested() @Type(() => FileDuration) resolution: FileDuration;
  @IsOptional() @IsNumber() @Min(0.1) @Max(0.99) warningRatio?: number;
  @IsOptional() @IsEnum(DayEnd) calendarDayEnd?: DayEnd;
  @IsOptional() @IsBoolean() extendPastDayOff?: boolean;
}

class FileCategory {
  @IsString() serviceCode: string;
  @IsString() name: string;
  @IsEnum(TicketKind) kind: TicketKind;
  @IsOptional() @IsString() department: string | null;
  @IsOptional() @IsString() referTo: string | null;
  @IsOptional() @IsString() deadlinePolicy?: string;
  @IsOptional() @IsEnum(TicketPriority) priority?: TicketPriority;
  @IsArray() @IsString({ each: true }) keywords: string[];
}

class FileMuhtar {
  @IsString() name: string;
  @IsOptional() @IsString() phone?: string;
}

class FileMahalle {
  @IsString() code: string;
  @IsString() name: string;
  @IsOptional() @ValidateNested() @Type(() => FileMuhtar) muhtar?: FileMuhtar;
}

class FileUser {
  @IsString() username: string;
  @IsString() fullName: string;
  @IsIn(Object.values(Role)) role: Role;
  @IsOptional() @IsString() department: string | null;
  @IsString() password: string;
}

export class MunicipalityFile {
  @IsOptional() municipality?: Record<string, unknown>;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => FileDepartment) departments: FileDepartment[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => FileInstitution) institutions: FileInstitution[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => FilePolicy) deadlinePolicies: FilePolicy[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => FileCategory) categories: FileCategory[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => FileMahalle) mahalleler: FileMahalle[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => FileUser) demoUsers?: FileUser[];
}

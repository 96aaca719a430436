import { Type } from 'class-transformer';
import { LegalBasis, TicketChannel, TicketKind, TicketPriority } from '@app/domain';
import { IsEnum, IsObject, IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, Length, ValidateIf, ValidateNested } from 'class-validator';
import { CitizenInputDto } from '../../citizens';

/** A ticket opened by staff on a citizen's behalf, from any channel. */
export class CreateTicketDto {
  @IsEnum(TicketChannel)
  channel: TicketChannel;

  /** Defaults to the category's kind. */
  @IsOptional()
  @IsEnum(TicketKind)
  kind?: TicketKind;

  @IsOptional()
  @IsUUID()
  categoryId?: string;

  /** Overrides the category's department (the agent knows better). */
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @IsOptional()
  @IsUUID()
  mahalleId?: string;

  @IsOptional()
  @IsString()
  @Length(2, 500)
  address?: string;

  @ValidateIf((o: CreateTicketDto) => o.longitude !== undefined || o.latitude !== undefined)
  @IsLatitude()
  latitude?: number;

  @ValidateIf((o: CreateTicketDto) => o.longitude !== undefined || o.latitude !== undefined)
  @IsLongitude()
  longitude?: number;

  @IsOptional()
  @IsEnum(LegalBasis)
  legalBasis?: LegalBasis;

  /** CİMER application number and the like; required for channel `cimer`. */
  @IsOptional()
  @IsString()
  @Length(1, 60)
  externalRef?: string;

  @IsOptional()
  @IsEnum(TicketPriority)
  priority?: TicketPriority;

  @IsString()
  @Length(3, 200)
  subject: string;

  @IsString()
  @Length(3, 20_000)
  description: string;

  /** The category's extra fields, by field code (checked against the category's definitions). */
  @IsOptional()
  @IsObject()
  attributes?: Record<string, unknown>;

  /** An existing citizen… */
  @IsOptional()
  @IsUUID()
  citizenId?: string;

  /** …or one found (by phone or e-mail) or registered now. */
  @ValidateIf((o: CreateTicketDto) => !o.citizenId)
  @ValidateNested()
  @Type(() => CitizenInputDto)
  citizen?: CitizenInputDto;
}

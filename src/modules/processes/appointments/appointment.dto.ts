import { Transform } from 'class-transformer';
import { IsBoolean, IsDate, IsEmail, IsEnum, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AppointmentStatus, MAYOR_DECISIONS, type MayorDecision, RequesterKind } from './appointment.entity';

export const REQUEST_CHANNELS = ['phone', 'sms', 'whatsapp', 'email', 'web', 'letter', 'walk_in'] as const;

export class CreateAppointmentDto {
  @IsEnum(RequesterKind) requesterKind: RequesterKind;
  /** Optional when the request came as a ticket: the citizen's name is taken from it. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) requesterName?: string;
  @IsOptional() @IsString() @MaxLength(200) institutionName?: string;
  @IsOptional() @IsString() @MaxLength(30) phone?: string;
  @IsOptional() @IsEmail() email?: string;
  @IsOptional() @IsIn(REQUEST_CHANNELS) channel?: (typeof REQUEST_CHANNELS)[number];
  @IsString() @IsNotEmpty() @MaxLength(4000) subject: string;
  @IsOptional() @IsUUID() ticketId?: string;
  /** Came without an appointment and was seen at once: recorded as held. */
  @IsOptional() @IsBoolean() walkIn?: boolean;
  @IsOptional() @IsString() @MaxLength(4000) note?: string;
}

export class CreateSlotDto {
  @Transform(({ value }) => (typeof value === 'string' ? new Date(value) : value)) @IsDate() startsAt: Date;
  @IsOptional() @IsInt() @Min(5) @Max(480) durationMinutes?: number;
  @IsOptional() @IsString() @MaxLength(200) location?: string;
}

export class ListSlotsDto {
  @IsOptional() @Transform(({ value }) => new Date(value)) @IsDate() from?: Date;
  @IsOptional() @Transform(({ value }) => new Date(value)) @IsDate() to?: Date;
}

export class ListAppointmentsDto {
  @IsOptional() @IsEnum(AppointmentStatus) status?: AppointmentStatus;
}

export class BookAppointmentDto {
  @IsUUID() slotId: string;
}

export class ReasonDto {
  @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

export class CloseAppointmentDto {
  @IsIn([AppointmentStatus.Held, AppointmentStatus.Missed]) status: AppointmentStatus.Held | AppointmentStatus.Missed;
  @IsOptional() @IsString() @MaxLength(4000) note?: string;
}

export class ForwardDto {
  @IsOptional() @IsString() @MaxLength(4000) note?: string;
}

/** The mayor's answer as Özel Kalem records it; a declined request is told the note as its reason. */
export class MayorDecisionDto {
  @IsIn(MAYOR_DECISIONS) decision: MayorDecision;
  @IsString() @IsNotEmpty() @MaxLength(1000) note: string;
}

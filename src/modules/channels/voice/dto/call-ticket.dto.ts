import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { TicketKind } from '../../../tickets/ticket-enums';

/** What the agent types while talking; the caller's number makes the citizen. */
export class CallTicketDto {
  @IsString()
  @Length(3, 200)
  subject: string;

  @IsString()
  @Length(3, 20_000)
  description: string;

  @IsOptional()
  @IsEnum(TicketKind)
  kind?: TicketKind;

  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @IsOptional()
  @IsUUID()
  mahalleId?: string;

  @IsOptional()
  @IsString()
  @Length(2, 500)
  address?: string;

  @IsOptional()
  @IsString()
  @Length(2, 160)
  citizenName?: string;

  /** Needed only when the caller's number was hidden. */
  @IsOptional()
  @IsString()
  citizenPhone?: string;

  /** Answered on the phone: the ticket is opened, answered with `resolutionNote` and closed at once. */
  @IsOptional()
  @IsBoolean()
  solvedDuringCall?: boolean;

  @ValidateIf((dto: CallTicketDto) => dto.solvedDuringCall === true)
  @IsString()
  @Length(3, 20_000)
  resolutionNote?: string;
}

import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import type { PresenceState } from '../voice-presence.service';

export class VoicePresenceDto {
  @IsIn(['available', 'away'])
  state: PresenceState;
}

/** To a colleague's softphone or to a department: one of the two. */
export class TransferCallDto {
  @ValidateIf((dto: TransferCallDto) => dto.departmentId === undefined || dto.toUserId !== undefined)
  @IsUUID()
  toUserId?: string;

  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

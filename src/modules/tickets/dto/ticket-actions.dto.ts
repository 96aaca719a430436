import { ArrayMaxSize, IsArray, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { TicketStatus } from '@app/domain';

/** Every change to a ticket names the version it was read at (optimistic locking). */
export class VersionedDto {
  @IsInt()
  @Min(1)
  version: number;
}

export class ChangeStatusDto extends VersionedDto {
  @IsEnum(TicketStatus)
  status: TicketStatus;

  /** Required to reject or reopen. */
  @IsOptional()
  @IsString()
  @Length(3, 2000)
  reason?: string;

  /** Required to refer. */
  @IsOptional()
  @IsUUID()
  institutionId?: string;

  /** The answer (for `answered`) or the question to the citizen (for `waiting_for_citizen`). */
  @IsOptional()
  @IsString()
  @Length(3, 20_000)
  note?: string;

  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @IsOptional()
  @IsUUID()
  mergedIntoId?: string;
}

export class AssignTicketDto extends VersionedDto {
  /** null to unassign. */
  @IsOptional()
  @IsUUID()
  assigneeId: string | null;
}

export class TransferTicketDto extends VersionedDto {
  @IsUUID()
  departmentId: string;

  @IsString()
  @Length(3, 2000)
  reason: string;

  /** The ticket's right category, one of the target department's, when the one it had was wrong. */
  @IsOptional()
  @IsUUID()
  categoryId?: string;
}

/** Law 4982 art. 11: the time may be extended once, to 30 working days, with a reason the applicant is told. */
export class ExtendDeadlineDto extends VersionedDto {
  @IsString()
  @Length(10, 2000)
  reason: string;
}

export class AddEntryDto {
  /** `note` is internal; `reply` goes to the citizen; `message` records what the citizen said. */
  @IsIn(['note', 'reply', 'message'])
  type: 'note' | 'reply' | 'message';

  @IsString()
  @Length(1, 20_000)
  body: string;

  /** Files uploaded to this ticket (`POST /tickets/:id/attachments`) that the entry carries; a reply sends them to the citizen. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { VersionedDto } from './ticket-actions.dto';

export class ReturnTicketDto extends VersionedDto {
  @IsString()
  @Length(3, 2000)
  reason: string;
}

export class CategoriseTicketDto extends VersionedDto {
  @IsUUID()
  categoryId: string;

  @IsOptional()
  @IsUUID()
  mahalleId?: string;
}

export class MergeTicketDto extends VersionedDto {
  /** The original the duplicate folds into. */
  @IsUUID()
  intoId: string;
}

import { IsDateString, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@app/common';
import { AuditAction, AuditEntity } from '@app/domain';

/** The auditor's filters: each narrows, all together. */
export class AuditQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @IsOptional()
  @IsEnum(AuditAction)
  action?: AuditAction;

  @IsOptional()
  @IsEnum(AuditEntity)
  entityType?: AuditEntity;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  /** From this instant on (inclusive). */
  @IsOptional()
  @IsDateString()
  from?: string;

  /** Before this instant (exclusive). */
  @IsOptional()
  @IsDateString()
  to?: string;
}

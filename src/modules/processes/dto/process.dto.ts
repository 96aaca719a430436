import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { ProcessStatus } from '../process-instance.entity';

export class StartProcessDto {
  @IsUUID() templateId: string;
  @IsString() @IsNotEmpty() @MaxLength(300) title: string;
  @IsOptional() @IsUUID() ticketId?: string;
}

export class CompleteStepDto {
  /** Required at a decision step: one of its outcome codes. */
  @IsOptional() @IsString() outcome?: string;
  /** The document that completes the step (its number and date, or a media id). */
  @IsOptional() @IsString() @MaxLength(300) document?: string;
  @IsOptional() @IsString() @MaxLength(4000) note?: string;
}

export class AssignStepDto {
  @IsOptional() @IsUUID() assigneeId: string | null;
}

export class ListProcessesDto {
  @IsOptional() @IsUUID() templateId?: string;
  @IsOptional() @IsIn(Object.values(ProcessStatus)) status?: ProcessStatus;
  /** Only instances whose open step is past its due instant. */
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() late?: boolean;
}

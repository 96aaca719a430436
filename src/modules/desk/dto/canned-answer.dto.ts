import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class CreateCannedAnswerDto {
  @IsString()
  @Length(3, 120)
  title: string;

  /** May hold {takipNo}, {adSoyad}, {tarih}, {birim}, {konu}. */
  @IsString()
  @Length(1, 4000)
  body: string;

  /** Null or absent: a global answer (supervisors and admins only). */
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;
}

export class UpdateCannedAnswerDto {
  @IsOptional()
  @IsString()
  @Length(3, 120)
  title?: string;

  @IsOptional()
  @IsString()
  @Length(1, 4000)
  body?: string;

  @IsOptional()
  @IsUUID()
  departmentId?: string | null;
}

export class CannedAnswerQueryDto {
  /** That department's answers and the global ones. */
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  /** Words in the title or the text; Turkish letters and case are ignored. */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class RenderCannedAnswerDto {
  @IsUUID()
  ticketId: string;
}

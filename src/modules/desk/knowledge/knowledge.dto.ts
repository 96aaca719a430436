import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Min, ValidateIf } from 'class-validator';

export class CreateKnowledgeArticleDto {
  @IsString()
  @Length(3, 160)
  title: string;

  /** The standard answer; may hold {takipNo}, {adSoyad}, {tarih}, {birim}, {konu}. */
  @IsString()
  @Length(1, 4000)
  body: string;

  @IsUUID()
  categoryId: string;

  /** The owning department; a department manager's own unless an admin names another. */
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  /** The last Istanbul day the answer holds; null or absent = until changed. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validUntil: YYYY-AA-GG biçiminde bir tarih olmalı' })
  @IsISO8601({ strict: true }, { message: 'validUntil: geçerli bir tarih değil' })
  validUntil?: string | null;
}

export class UpdateKnowledgeArticleDto {
  @IsOptional()
  @IsString()
  @Length(3, 160)
  title?: string;

  @IsOptional()
  @IsString()
  @Length(1, 4000)
  body?: string;

  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validUntil: YYYY-AA-GG biçiminde bir tarih olmalı' })
  @IsISO8601({ strict: true }, { message: 'validUntil: geçerli bir tarih değil' })
  validUntil?: string | null;
}

export class KnowledgeQueryDto {
  /** Words in the title or the answer, each anywhere; Turkish letters and case are ignored. */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @IsOptional()
  @IsUUID()
  departmentId?: string;

  /** The knowledge-base page shows the expired ones too, to renew them; the desk never offers them. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeExpired?: boolean;
}

export class AnswerWithArticleDto {
  @IsUUID()
  ticketId: string;

  /** The ticket's version the agent saw; absent for a ticket just opened on the call (routing may move it meanwhile). */
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class KnowledgeFiguresQueryDto {
  /** From this Istanbul day (inclusive). */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from: YYYY-AA-GG biçiminde bir tarih olmalı' })
  @IsISO8601({ strict: true }, { message: 'from: geçerli bir tarih değil' })
  from: string;

  /** To this Istanbul day (inclusive). */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to: YYYY-AA-GG biçiminde bir tarih olmalı' })
  @IsISO8601({ strict: true }, { message: 'to: geçerli bir tarih değil' })
  to: string;
}

import { Type } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { LegalBasis, TicketKind } from '@app/domain';
import { MAX_PAGE } from '@app/common';
import { CitizenInputDto } from '../../citizens';
import { CimerStatus } from './cimer-answer.entity';

/** An application as CİMER forwards it: its number, its deadline, the applicant and the matter. */
export class RegisterCimerDto {
  @Matches(/^[0-9A-Za-z./-]{3,60}$/, { message: 'cimerNo: CİMER başvuru numarası (3–60 harf, rakam, . / -) olmalı' })
  cimerNo: string;

  /** The Istanbul date CİMER set for the answer. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'cimerDueOn: YYYY-AA-GG biçiminde bir tarih olmalı' })
  @IsISO8601({ strict: true }, { message: 'cimerDueOn: geçerli bir tarih değil' })
  cimerDueOn: string;

  @IsOptional()
  @IsEnum(TicketKind)
  kind?: TicketKind;

  /** Bilgi edinme applications through CİMER follow Law 4982; the rest Law 3071. */
  @IsOptional()
  @IsIn([LegalBasis.Law3071, LegalBasis.Law4982], { message: 'legalBasis: law_3071 veya law_4982 olmalı' })
  legalBasis?: LegalBasis;

  @IsOptional()
  @IsUUID()
  categoryId?: string;

  /** The unit it is forwarded to (havale). */
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @IsString()
  @Length(3, 200)
  subject: string;

  @IsString()
  @Length(3, 20_000)
  description: string;

  @ValidateNested()
  @Type(() => CitizenInputDto)
  citizen: CitizenInputDto;
}

export class CimerAnswerDto {
  @IsEnum(CimerStatus, { message: `status: ${Object.values(CimerStatus).join(', ')} değerlerinden biri olmalı` })
  status: CimerStatus;

  /** The text as it goes to CİMER. */
  @IsString()
  @Length(3, 20_000)
  text: string;
}

export class ListCimerDto {
  /** `open`: no final answer sent to CİMER yet; `overdue`: that, and past CİMER's deadline. */
  @IsOptional()
  @IsIn(['open', 'overdue', 'answered'])
  state?: 'open' | 'overdue' | 'answered';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}

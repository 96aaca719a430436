import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { VersionedDto } from '../dto/ticket-actions.dto';
import { EXEMPTION_NUMBERS } from './exemptions';
import { ObjectionOutcome } from './information-objection.entity';
import { InformationDecision } from './information-request.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Law 4982: the access fee the applicant is asked to pay (lira). */
export class FeeNoticeDto extends VersionedDto {
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'amount: en fazla iki ondalıklı bir tutar olmalı' })
  @Min(0.01, { message: 'amount: sıfırdan büyük olmalı' })
  @Max(1_000_000, { message: 'amount: en fazla 1.000.000 TL olabilir' })
  amount: number;

  /** How to pay, as the applicant will read it (IBAN, cashier). */
  @IsOptional()
  @IsString()
  @Length(3, 1000)
  note?: string;
}

export class ExemptionDto {
  @IsInt({ message: 'exemptions.article: 15 ile 28 arasında bir madde numarası olmalı' })
  @IsIn(EXEMPTION_NUMBERS, { message: 'exemptions.article: 4982 sayılı Kanunun 15–28. maddelerinden biri olmalı' })
  article: number;

  @IsString()
  @Length(3, 1000, { message: 'exemptions.reason: 3 ile 1000 karakter arasında olmalı' })
  reason: string;
}

export const DECIDED = [InformationDecision.Granted, InformationDecision.PartlyGranted, InformationDecision.Refused] as const;

/** Law 4982 art. 12: granted, partly granted or refused; the last two name their exemptions (arts. 15–28). */
export class InformationDecisionDto extends VersionedDto {
  @IsIn(DECIDED, { message: `decision: ${DECIDED.join(', ')} değerlerinden biri olmalı` })
  decision: (typeof DECIDED)[number];

  /** The information given, or the reason it is not. */
  @IsString()
  @Length(3, 20_000)
  text: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => ExemptionDto)
  exemptions?: ExemptionDto[];
}

/** An objection to the Bilgi Edinme Değerlendirme Kurulu, as its letter tells the municipality. */
export class ObjectionDto {
  @Matches(DATE, { message: 'filedOn: YYYY-AA-GG biçiminde bir tarih olmalı' })
  @IsISO8601({ strict: true }, { message: 'filedOn: geçerli bir tarih değil' })
  filedOn: string;

  @IsOptional()
  @IsString()
  @Length(1, 60)
  kurulRef?: string;

  @IsOptional()
  @IsString()
  @Length(3, 2000)
  note?: string;
}

export class ObjectionOutcomeDto {
  @IsEnum(ObjectionOutcome, { message: `outcome: ${Object.values(ObjectionOutcome).join(', ')} değerlerinden biri olmalı` })
  outcome: ObjectionOutcome;

  @Matches(DATE, { message: 'decidedOn: YYYY-AA-GG biçiminde bir tarih olmalı' })
  @IsISO8601({ strict: true }, { message: 'decidedOn: geçerli bir tarih değil' })
  decidedOn: string;

  @IsOptional()
  @IsString()
  @Length(3, 2000)
  note?: string;
}

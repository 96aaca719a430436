import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { COMMENT_MAX } from '../survey-reply';

const SCORE = 'score: 1 ile 5 arasında bir tam sayı olmalı';

/** A citizen's answer on the /anket page. */
export class SurveyAnswerDto {
  @IsInt({ message: SCORE })
  @Min(1, { message: SCORE })
  @Max(5, { message: SCORE })
  score: number;

  /** Was the problem solved? Left out when the citizen does not say. */
  @IsOptional()
  @IsBoolean({ message: 'solved: evet (true) ya da hayır (false) olmalı' })
  solved?: boolean;

  @IsOptional()
  @IsString({ message: 'comment: metin olmalı' })
  @MaxLength(COMMENT_MAX, { message: `comment: en fazla ${COMMENT_MAX} karakter olabilir` })
  comment?: string;
}

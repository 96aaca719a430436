import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, Matches, MaxLength, ValidateIf } from 'class-validator';

/** The applicant proves it is theirs with the phone's last four digits (phone, SMS, WhatsApp, form) or their e-mail. */
export class PublicStatusQueryDto {
  @ValidateIf((o: PublicStatusQueryDto) => o.email === undefined)
  @Matches(/^\d{4}$/, { message: 'phoneLast4: telefon numaranızın son dört hanesi olmalı' })
  phoneLast4?: string;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email: geçerli bir e-posta adresi değil' })
  @MaxLength(200, { message: 'email: e-posta adresi en fazla 200 karakter olabilir' })
  email?: string;
}

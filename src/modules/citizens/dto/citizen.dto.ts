import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '@app/common';

/** Phone and TC Kimlik No are checked by the service (normalisation and checksum). */
export class CitizenInputDto {
  @IsOptional()
  @IsString()
  @Length(2, 160)
  fullName?: string;

  @IsOptional()
  @IsString()
  @Length(3, 40)
  phone?: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsString()
  tcKimlikNo?: string;

  @IsOptional()
  @IsBoolean()
  contactConsent?: boolean;

  @IsOptional()
  @IsBoolean()
  marketingConsent?: boolean;
}

export class CitizenQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @Length(3, 40)
  phone?: string;

  @IsOptional()
  @IsString()
  tcKimlikNo?: string;
}

/** What the citizen told the desk about being contacted (KVKK), recorded with the time. */
export class ContactPreferencesDto {
  @IsOptional()
  @IsBoolean()
  optedOut?: boolean;

  @IsOptional()
  @IsBoolean()
  contactConsent?: boolean;

  /** Explicit consent to satisfaction surveys and announcements. */
  @IsOptional()
  @IsBoolean()
  marketingConsent?: boolean;

  @IsOptional()
  @IsIn(['tr', 'en'], { message: 'locale: tr ya da en olmalı' })
  locale?: 'tr' | 'en';
}

export interface CitizenView {
  id: string;
  fullName: string | null;
  phone: string | null;
  email: string | null;
  tcKimlikNo: string | null;
  contactConsent: boolean;
  marketingConsent: boolean;
  optedOut: boolean;
  locale: 'tr' | 'en';
  createdAt: Date;
}

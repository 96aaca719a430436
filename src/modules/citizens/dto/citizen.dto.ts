import { IsBoolean, IsEmail, IsOptional, IsString, Length } from 'class-validator';
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

export interface CitizenView {
  id: string;
  fullName: string | null;
  phone: string | null;
  email: string | null;
  tcKimlikNo: string | null;
  contactConsent: boolean;
  marketingConsent: boolean;
  createdAt: Date;
}

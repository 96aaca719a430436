import { Transform } from 'class-transformer';
import { Equals, IsEmail, IsEnum, IsNumber, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { TicketKind } from '@app/domain';
import { checkbox, lowerCaseEmail, optionalNumber, optionalText, phoneNumber, ticketKind } from '../form-fields';

// Türkiye with a margin: a point outside is a mistyped coordinate, not a place in the city.
const LATITUDE = { min: 35, max: 43 };
const LONGITUDE = { min: 25, max: 45 };

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,100}$/;

/** An application from the public web form; multipart fields arrive as strings and are converted first. */
export class WebApplicationDto {
  @Transform(ticketKind)
  @IsEnum(TicketKind, { message: `kind: başvuru türü şunlardan biri olmalı: ${Object.values(TicketKind).join(', ')}` })
  kind: TicketKind;

  @IsOptional()
  @Transform(optionalText)
  @IsUUID('all', { message: 'categoryId: listeden bir konu seçin' })
  categoryId?: string;

  @Transform(optionalText)
  @IsString({ message: 'description: başvurunuzu yazın' })
  @Length(10, 5000, { message: 'description: açıklama 10 ile 5000 karakter arasında olmalı' })
  description: string;

  /** The chosen category's extra fields, `attributes[code]` on the multipart form. */
  @IsOptional()
  @IsObject({ message: 'attributes: konuya özel alanlar kod ve değer olarak gönderilmeli' })
  attributes?: Record<string, unknown>;

  @IsOptional()
  @Transform(optionalText)
  @IsUUID('all', { message: 'mahalleId: listeden bir mahalle seçin' })
  mahalleId?: string;

  @IsOptional()
  @Transform(optionalText)
  @IsString({ message: 'address: adres metin olmalı' })
  @MaxLength(500, { message: 'address: adres en fazla 500 karakter olabilir' })
  address?: string;

  @ValidateIf((o: WebApplicationDto) => o.latitude !== undefined || o.longitude !== undefined)
  @Transform(optionalNumber)
  @IsNumber({}, { message: 'latitude: enlem sayı olmalı (konum için enlem ve boylam birlikte gerekir)' })
  @Min(LATITUDE.min, { message: 'latitude: konum Türkiye sınırları içinde olmalı' })
  @Max(LATITUDE.max, { message: 'latitude: konum Türkiye sınırları içinde olmalı' })
  latitude?: number;

  @ValidateIf((o: WebApplicationDto) => o.latitude !== undefined || o.longitude !== undefined)
  @Transform(optionalNumber)
  @IsNumber({}, { message: 'longitude: boylam sayı olmalı (konum için enlem ve boylam birlikte gerekir)' })
  @Min(LONGITUDE.min, { message: 'longitude: konum Türkiye sınırları içinde olmalı' })
  @Max(LONGITUDE.max, { message: 'longitude: konum Türkiye sınırları içinde olmalı' })
  longitude?: number;

  @Transform(optionalText)
  @IsString({ message: 'fullName: adınızı ve soyadınızı yazın' })
  @Length(3, 160, { message: 'fullName: ad soyad 3 ile 160 karakter arasında olmalı' })
  fullName: string;

  /** E.164 after conversion; required when there is no e-mail. */
  @ValidateIf((o: WebApplicationDto) => o.phone !== undefined || o.email === undefined)
  @Transform(phoneNumber)
  @Matches(/^\+[1-9]\d{7,14}$/, {
    message: ({ value }) =>
      value === undefined ? 'phone: telefon numarası veya e-posta adresinden en az biri gerekli' : 'phone: geçerli bir telefon numarası değil',
  })
  phone?: string;

  @IsOptional()
  @Transform(lowerCaseEmail)
  @IsEmail({}, { message: 'email: geçerli bir e-posta adresi değil' })
  @MaxLength(200, { message: 'email: e-posta adresi en fazla 200 karakter olabilir' })
  email?: string;

  @Transform(checkbox)
  @Equals(true, { message: 'kvkkConsent: başvurunun işlenmesi için KVKK aydınlatma metnini onaylamanız gerekir' })
  kvkkConsent: boolean;

  /** The honeypot: hidden from people, so only a bot fills it. */
  @IsOptional()
  @IsString()
  website?: string;

  /** Made when the page loads, so a double click or a retried POST files one application. */
  @IsOptional()
  @Matches(IDEMPOTENCY_KEY, { message: 'idempotencyKey: 16-100 harf, rakam, - veya _ olmalı' })
  idempotencyKey?: string;
}

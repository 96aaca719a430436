import { IsEmail, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

/** Every data subject's right is exercised on their application (KVKK art. 11, answered within 30 days, art. 13). */
export class SubjectRequestDto {
  /** The citizen's KVKK application: a ticket on the `kvkk` legal basis. */
  @IsUUID('all', { message: 'requestTicketId: KVKK başvurusunun numarası (uuid) olmalı' })
  requestTicketId: string;
}

/** Art. 11(1)(d): what was wrong, corrected; the fields not sent stay as they are. */
export class RectifyDto extends SubjectRequestDto {
  @IsOptional()
  @IsString()
  @Length(2, 160)
  fullName?: string;

  @IsOptional()
  @IsString()
  @Length(3, 40)
  phone?: string;

  @IsOptional()
  @IsEmail({}, { message: 'email: geçerli bir e-posta adresi olmalı' })
  email?: string;

  @IsOptional()
  @IsString()
  tcKimlikNo?: string;
}

/** Art. 11(1)(e) and art. 7: erasure, with the reason recorded. */
export class EraseDto extends SubjectRequestDto {
  @IsString()
  @Length(3, 500)
  reason: string;
}

export class LegalHoldDto {
  @IsUUID()
  ticketId: string;

  /** The dispute (a lawsuit's number, an inspection), as staff will read it. */
  @IsString()
  @Length(3, 500)
  reason: string;
}

/** The Yönetmelik allows at most six months between periodic destructions: at most 180 days here. */
export class DestructionScheduleDto {
  @IsInt({ message: 'intervalDays: gün sayısı olmalı' })
  @Min(1, { message: 'intervalDays: en az 1 gün olmalı' })
  @Max(180, { message: 'intervalDays: en fazla 180 gün olabilir (periyodik imha arası altı ayı geçemez)' })
  intervalDays: number;
}

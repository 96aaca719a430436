import { HttpException } from '@nestjs/common';
import { DomainException, InvalidFieldException, ValidationFailedException } from '@app/common';

/** The file field an upload expects, how many files it takes, and what they are called ("fotoğraf", "dosya"). */
export interface UploadField {
  field: string;
  max: number;
  noun: string;
}

/** Turkish, field-naming errors for what multer refused; anything else is passed on. */
export function uploadRefusal(error: unknown, expected: UploadField, tooLarge: (field: string) => DomainException): unknown {
  if (!(error instanceof HttpException)) return error;
  const cause = error.cause as { code?: unknown; field?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  // busboy's own refusals (a cut-off or malformed body) carry no multer code.
  if (!code) return error.getStatus() === 400 && cause ? new ValidationFailedException([{ message: 'Form verisi okunamadı; lütfen yeniden gönderin' }]) : error;
  const field = typeof cause?.field === 'string' && cause.field ? cause.field : expected.field;
  const tooMany = () => new InvalidFieldException(expected.field, `${expected.field}: en fazla ${expected.max} ${expected.noun} eklenebilir`);
  switch (code) {
    case 'LIMIT_FILE_SIZE':
      return tooLarge(field);
    case 'LIMIT_FILE_COUNT':
      return tooMany();
    case 'LIMIT_UNEXPECTED_FILE':
      return field === expected.field && expected.max > 0 ? tooMany() : new InvalidFieldException(field, `${field}: bu alanda dosya gönderilemez`);
    case 'LIMIT_FIELD_VALUE':
      return new InvalidFieldException(field, `${field}: değer çok uzun`);
    default:
      return code.startsWith('LIMIT_') || code.endsWith('FIELD_NAME')
        ? new ValidationFailedException([{ message: 'Form çok fazla veya geçersiz alan içeriyor' }])
        : error;
  }
}

import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { AppConfig } from '@app/config';
import { DomainException, InvalidFieldException, ValidationFailedException } from '@app/common';
import { MediaStore } from '../../media';

export const PHOTOS_FIELD = 'photos';

/** Turkish, field-naming errors for what multer refused; anything else is passed on. */
export function uploadError(error: unknown, maxPhotos: number, tooLarge: (field: string) => DomainException): unknown {
  if (!(error instanceof HttpException)) return error;
  const cause = error.cause as { code?: unknown; field?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  // busboy's own refusals (a cut-off or malformed body) carry no multer code.
  if (!code) return error.getStatus() === 400 && cause ? new ValidationFailedException([{ message: 'Form verisi okunamadı; lütfen yeniden gönderin' }]) : error;
  const field = typeof cause?.field === 'string' && cause.field ? cause.field : PHOTOS_FIELD;
  switch (code) {
    case 'LIMIT_FILE_SIZE':
      return tooLarge(field);
    case 'LIMIT_FILE_COUNT':
      return new InvalidFieldException(PHOTOS_FIELD, `${PHOTOS_FIELD}: en fazla ${maxPhotos} fotoğraf eklenebilir`);
    case 'LIMIT_UNEXPECTED_FILE':
      return field === PHOTOS_FIELD && maxPhotos > 0
        ? new InvalidFieldException(PHOTOS_FIELD, `${PHOTOS_FIELD}: en fazla ${maxPhotos} fotoğraf eklenebilir`)
        : new InvalidFieldException(field, `${field}: bu alanda dosya gönderilemez`);
    case 'LIMIT_FIELD_VALUE':
      return new InvalidFieldException(field, `${field}: değer çok uzun`);
    default:
      return code.startsWith('LIMIT_') || code.endsWith('FIELD_NAME')
        ? new ValidationFailedException([{ message: 'Form çok fazla veya geçersiz alan içeriyor' }])
        : error;
  }
}

/** Wraps FilesInterceptor (listed after it) so multer's refusals reach the client as our JSON error body. */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  constructor(
    private readonly config: AppConfig,
    private readonly media: MediaStore,
  ) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(catchError((error: unknown) => throwError(() => uploadError(error, this.config.WEB_FORM_MAX_PHOTOS, (field) => this.media.tooLarge(field)))));
  }
}

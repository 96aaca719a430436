import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { AppConfig } from '@app/config';
import { DomainException } from '@app/common';
import { MediaStore, uploadRefusal } from '../../media';

export const PHOTOS_FIELD = 'photos';

/** multer's refusals of the form's photos, in Turkish, naming the field. */
export function uploadError(error: unknown, maxPhotos: number, tooLarge: (field: string) => DomainException): unknown {
  return uploadRefusal(error, { field: PHOTOS_FIELD, max: maxPhotos, noun: 'fotoğraf' }, tooLarge);
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

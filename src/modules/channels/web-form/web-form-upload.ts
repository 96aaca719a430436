import { AppConfig } from '@app/config';
import type { UploadRules } from '../../media';

export const PHOTOS_FIELD = 'photos';

// Text fields of the form: the description's 5000 characters are at most 20 000 bytes.
const FIELD_BYTES = 32 * 1024;
const FIELDS = 30;

/** The form's photos stay in memory (at most WEB_FORM_MAX_PHOTOS × MEDIA_MAX_BYTES) until MediaStore checks and keeps them. */
export function webFormUpload(config: AppConfig): UploadRules {
  return {
    field: PHOTOS_FIELD,
    noun: 'fotoğraf',
    limits: {
      fileSize: config.MEDIA_MAX_BYTES,
      files: config.WEB_FORM_MAX_PHOTOS,
      fields: FIELDS,
      fieldSize: FIELD_BYTES,
      parts: FIELDS + config.WEB_FORM_MAX_PHOTOS,
    },
  };
}

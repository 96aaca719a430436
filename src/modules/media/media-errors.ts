import { DomainException, ErrorKind } from '@app/common';

export enum MediaErrorCode {
  TooLarge = 'MEDIA_TOO_LARGE',
  UnsupportedType = 'MEDIA_UNSUPPORTED_TYPE',
}

const KIND: Record<MediaErrorCode, ErrorKind> = {
  [MediaErrorCode.TooLarge]: ErrorKind.TooLarge,
  [MediaErrorCode.UnsupportedType]: ErrorKind.UnsupportedType,
};

/** A file a citizen sent that is not kept; `field` names the form field or attachment. */
export class MediaRejectedException extends DomainException {
  constructor(code: MediaErrorCode, field: string, message: string) {
    super(code, KIND[code], message, [{ field, message }]);
  }
}

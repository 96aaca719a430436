import { DomainException, ErrorDetail, ErrorKind } from './domain.exception';

export enum CommonErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  MalformedJson = 'MALFORMED_JSON',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  Unavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL_ERROR',
}

export class ValidationFailedException extends DomainException {
  constructor(details: ErrorDetail[]) {
    const fields = [...new Set(details.map((d) => d.field).filter(Boolean))];
    super(CommonErrorCode.ValidationFailed, ErrorKind.Invalid, fields.length ? `Geçersiz alan: ${fields.join(', ')}` : 'Geçersiz istek', details);
  }
}

/** One field is wrong in a way a DTO decorator cannot see (an unknown id, a bad checksum). */
export class InvalidFieldException extends ValidationFailedException {
  constructor(field: string, message: string) {
    super([{ field, message }]);
  }
}

export class ForbiddenActionException extends DomainException {
  constructor(message = 'Bu işlem için yetkiniz yok') {
    super(CommonErrorCode.Forbidden, ErrorKind.Forbidden, message);
  }
}

export class UnauthenticatedException extends DomainException {
  constructor(message = 'Oturum açmanız gerekiyor') {
    super(CommonErrorCode.Unauthenticated, ErrorKind.Unauthorized, message);
  }
}

export class ResourceNotFoundException extends DomainException {
  constructor(what: string) {
    super(CommonErrorCode.NotFound, ErrorKind.NotFound, `${what} bulunamadı`);
  }
}

export class TooManyRequestsException extends DomainException {
  constructor(message = 'Çok fazla deneme; lütfen daha sonra tekrar deneyin') {
    super(CommonErrorCode.TooManyRequests, ErrorKind.TooManyRequests, message);
  }
}

import { DomainException, ErrorKind } from '@app/common';

export enum AuthErrorCode {
  InvalidCredentials = 'AUTH_INVALID_CREDENTIALS',
  InvalidToken = 'AUTH_INVALID_TOKEN',
  UsernameTaken = 'AUTH_USERNAME_TAKEN',
  DepartmentRequired = 'AUTH_DEPARTMENT_REQUIRED',
  Busy = 'AUTH_BUSY',
}

const KIND: Record<AuthErrorCode, ErrorKind> = {
  [AuthErrorCode.InvalidCredentials]: ErrorKind.Unauthorized,
  [AuthErrorCode.InvalidToken]: ErrorKind.Unauthorized,
  [AuthErrorCode.UsernameTaken]: ErrorKind.Conflict,
  [AuthErrorCode.DepartmentRequired]: ErrorKind.Invalid,
  [AuthErrorCode.Busy]: ErrorKind.Unavailable,
};

export class AuthException extends DomainException {
  constructor(code: AuthErrorCode, message: string, field?: string) {
    super(code, KIND[code], message, field ? [{ field, message }] : undefined);
  }
}

/** Too many passwords waiting to be hashed: refused at once rather than queued without bound. */
export class PasswordHashingBusyException extends AuthException {
  override readonly retryAfterSeconds = 2;

  constructor() {
    super(AuthErrorCode.Busy, 'Sunucu şu anda çok yoğun; lütfen birkaç saniye sonra tekrar deneyin');
  }
}

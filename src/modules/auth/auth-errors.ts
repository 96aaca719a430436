import { DomainException, ErrorKind } from '@app/common';

export enum AuthErrorCode {
  InvalidCredentials = 'AUTH_INVALID_CREDENTIALS',
  InvalidToken = 'AUTH_INVALID_TOKEN',
  UsernameTaken = 'AUTH_USERNAME_TAKEN',
  DepartmentRequired = 'AUTH_DEPARTMENT_REQUIRED',
}

const KIND: Record<AuthErrorCode, ErrorKind> = {
  [AuthErrorCode.InvalidCredentials]: ErrorKind.Unauthorized,
  [AuthErrorCode.InvalidToken]: ErrorKind.Unauthorized,
  [AuthErrorCode.UsernameTaken]: ErrorKind.Conflict,
  [AuthErrorCode.DepartmentRequired]: ErrorKind.Invalid,
};

export class AuthException extends DomainException {
  constructor(code: AuthErrorCode, message: string, field?: string) {
    super(code, KIND[code], message, field ? [{ field, message }] : undefined);
  }
}

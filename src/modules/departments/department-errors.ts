import { DomainException, ErrorKind } from '@app/common';

export enum DepartmentErrorCode {
  CodeTaken = 'DEPARTMENT_CODE_TAKEN',
}

export class DepartmentException extends DomainException {
  constructor(code: DepartmentErrorCode, message: string) {
    super(code, ErrorKind.Conflict, message);
  }
}

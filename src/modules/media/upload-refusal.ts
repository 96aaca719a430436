import { DomainException, InvalidFieldException, ValidationFailedException } from '@app/common';

/** The file field an upload expects, how many files it takes, and what they are called ("fotoğraf", "dosya"). */
export interface UploadField {
  field: string;
  max: number;
  noun: string;
}

/** What was wrong with a multipart request, as the reader found it. */
export type UploadProblem =
  | { kind: 'fileTooLarge'; field: string }
  | { kind: 'tooManyFiles' }
  | { kind: 'unexpectedFile'; field: string }
  | { kind: 'valueTooLong'; field: string }
  | { kind: 'invalidForm' }
  | { kind: 'unreadable' };

/** The Turkish, field-naming refusal of an upload's problem. */
export function uploadRefusal(problem: UploadProblem, expected: UploadField, tooLarge: (field: string) => DomainException): DomainException {
  switch (problem.kind) {
    case 'fileTooLarge':
      return tooLarge(problem.field);
    case 'tooManyFiles':
      return new InvalidFieldException(expected.field, `${expected.field}: en fazla ${expected.max} ${expected.noun} eklenebilir`);
    case 'unexpectedFile':
      return new InvalidFieldException(problem.field, `${problem.field}: bu alanda dosya gönderilemez`);
    case 'valueTooLong':
      return new InvalidFieldException(problem.field, `${problem.field}: değer çok uzun`);
    case 'invalidForm':
      return new ValidationFailedException([{ message: 'Form çok fazla veya geçersiz alan içeriyor' }]);
    case 'unreadable':
      return new ValidationFailedException([{ message: 'Form verisi okunamadı; lütfen yeniden gönderin' }]);
  }
}

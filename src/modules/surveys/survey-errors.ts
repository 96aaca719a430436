import { DomainException, ErrorKind } from '@app/common';

export enum SurveyErrorCode {
  NotFound = 'SURVEY_NOT_FOUND',
  AlreadyAnswered = 'SURVEY_ALREADY_ANSWERED',
  Expired = 'SURVEY_EXPIRED',
}

const KIND: Record<SurveyErrorCode, ErrorKind> = {
  [SurveyErrorCode.NotFound]: ErrorKind.NotFound,
  [SurveyErrorCode.AlreadyAnswered]: ErrorKind.Conflict,
  [SurveyErrorCode.Expired]: ErrorKind.Conflict,
};

export class SurveyException extends DomainException {
  constructor(code: SurveyErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}

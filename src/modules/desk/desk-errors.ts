import { DomainException, ErrorKind } from '@app/common';

export enum DeskErrorCode {
  TooManyViews = 'DESK_TOO_MANY_VIEWS',
  ArticleExpired = 'DESK_ARTICLE_EXPIRED',
}

const KIND: Record<DeskErrorCode, ErrorKind> = {
  [DeskErrorCode.TooManyViews]: ErrorKind.Conflict,
  [DeskErrorCode.ArticleExpired]: ErrorKind.Conflict,
};

export class DeskException extends DomainException {
  constructor(code: DeskErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}

import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { CommonErrorCode } from './common-errors';
import { DomainException, ErrorKind } from './domain.exception';

/** The one JSON error body every client sees. */
export interface HttpErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: { field?: string; message: string }[];
}

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  [ErrorKind.Invalid]: 400,
  [ErrorKind.Unauthorized]: 401,
  [ErrorKind.Forbidden]: 403,
  [ErrorKind.NotFound]: 404,
  [ErrorKind.Conflict]: 409,
  [ErrorKind.TooLarge]: 413,
  [ErrorKind.UnsupportedType]: 415,
  [ErrorKind.TooManyRequests]: 429,
  [ErrorKind.Unavailable]: 503,
};

const CODE_BY_STATUS: Record<number, CommonErrorCode> = {
  400: CommonErrorCode.ValidationFailed,
  401: CommonErrorCode.Unauthenticated,
  403: CommonErrorCode.Forbidden,
  404: CommonErrorCode.NotFound,
  409: CommonErrorCode.Conflict,
  413: CommonErrorCode.PayloadTooLarge,
  429: CommonErrorCode.TooManyRequests,
};

// Postgres SQLSTATEs that mean the client sent something that cannot be stored.
const PG_CONFLICT = new Set(['23505', '40001', '40P01']);
const PG_INVALID = new Set(['22P02', '23503', '22001', '22003', '22007', '22008']);

export function toHttpError(exception: unknown): HttpErrorBody {
  if (exception instanceof DomainException) {
    return {
      statusCode: STATUS_BY_KIND[exception.kind],
      code: exception.code,
      message: exception.message,
      ...(exception.details ? { details: exception.details } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : String((response as { message?: unknown }).message ?? exception.message);
    return { statusCode, code: CODE_BY_STATUS[statusCode] ?? CommonErrorCode.Internal, message };
  }
  if (exception instanceof QueryFailedError) {
    const sqlState = (exception.driverError as { code?: string } | undefined)?.code ?? '';
    if (PG_CONFLICT.has(sqlState)) {
      return { statusCode: 409, code: CommonErrorCode.Conflict, message: 'Kayıt çakışması; lütfen yeniden deneyin' };
    }
    if (PG_INVALID.has(sqlState)) {
      return { statusCode: 400, code: CommonErrorCode.ValidationFailed, message: 'Geçersiz değer' };
    }
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    code: CommonErrorCode.Internal,
    message: 'Beklenmeyen bir hata oluştu',
  };
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const body = toHttpError(exception);
    if (body.statusCode >= 500) {
      this.logger.error(
        { msg: 'unhandled error', error: exception instanceof Error ? exception.message : String(exception) },
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    const res = host.switchToHttp().getResponse<Response>();
    // The type is set here: a handler may already have set another one (TwiML answers are XML).
    res.status(body.statusCode).type('application/json').json(body);
  }
}

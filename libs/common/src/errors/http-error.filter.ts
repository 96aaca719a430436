import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
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
  503: CommonErrorCode.Unavailable,
};

// Postgres SQLSTATEs that mean the client sent something that cannot be stored.
const PG_CONFLICT = new Set(['23505', '40001', '40P01']);
const PG_INVALID = new Set(['22P02', '23503', '23502', '23514', '22001', '22003', '22007', '22008', '22021', '22P05', '2201W', '2201X', '54000']);
// The database or Redis is down, restarting or full: the request may be sent again shortly.
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
const NET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Connection is closed|max retries per request/i;
/** How long a client is asked to wait while a backing service is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Whether an error means PostgreSQL or Redis could not be reached (or is shutting down). */
export function isServiceUnavailable(exception: unknown): boolean {
  for (
    let error = exception as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined, hops = 0;
    error && hops < 4;
    hops++
  ) {
    const code = typeof error.code === 'string' ? error.code : '';
    if (PG_UNAVAILABLE.has(code) || NET_UNAVAILABLE.has(code)) return true;
    if (typeof error.message === 'string' && UNAVAILABLE_MESSAGE.test(error.message)) return true;
    error = (error.driverError ?? error.cause) as typeof error;
  }
  return false;
}

/** Seconds for the Retry-After header, when the error has one. */
export function retryAfterOf(exception: unknown): number | undefined {
  if (exception instanceof DomainException) return exception.retryAfterSeconds;
  return isServiceUnavailable(exception) ? UNAVAILABLE_RETRY_AFTER_SECONDS : undefined;
}

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
    const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
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
  if (isServiceUnavailable(exception)) {
    return { statusCode: 503, code: CommonErrorCode.Unavailable, message: 'Hizmet geçici olarak kullanılamıyor; lütfen biraz sonra tekrar deneyin' };
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
    if (body.statusCode === 503) {
      // Expected while a backing service restarts or a burst is shed: no stack, no alarm.
      this.logger.warn({ msg: 'service unavailable', code: body.code, error: exception instanceof Error ? exception.message : String(exception) });
    } else if (body.statusCode >= 500) {
      this.logger.error(
        { msg: 'unhandled error', error: exception instanceof Error ? exception.message : String(exception) },
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    // A stream that fails after its first bytes cannot turn into an error body: the client sees it cut off.
    if (reply.raw.headersSent) {
      reply.raw.destroy();
      return;
    }
    const retryAfter = retryAfterOf(exception);
    if (retryAfter !== undefined) reply.header('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
    // The type is set here: a handler may already have set another one (TwiML answers are XML).
    void reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
  }
}

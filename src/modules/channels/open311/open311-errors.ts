import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainException, ErrorKind, retryAfterOf, toHttpError } from '@app/common';
import { formatOf, render } from './open311-format';

export enum Open311ErrorCode {
  InvalidApiKey = 'OPEN311_INVALID_API_KEY',
  UnknownFormat = 'OPEN311_UNKNOWN_FORMAT',
  XmlEntities = 'OPEN311_XML_ENTITIES',
  MalformedXml = 'OPEN311_MALFORMED_XML',
  BodyTooLarge = 'OPEN311_BODY_TOO_LARGE',
  UnreadableBody = 'OPEN311_UNREADABLE_BODY',
}

const KIND: Record<Open311ErrorCode, ErrorKind> = {
  [Open311ErrorCode.InvalidApiKey]: ErrorKind.Forbidden,
  [Open311ErrorCode.UnknownFormat]: ErrorKind.Invalid,
  [Open311ErrorCode.XmlEntities]: ErrorKind.Invalid,
  [Open311ErrorCode.MalformedXml]: ErrorKind.Invalid,
  [Open311ErrorCode.BodyTooLarge]: ErrorKind.TooLarge,
  [Open311ErrorCode.UnreadableBody]: ErrorKind.Invalid,
};

export class Open311Exception extends DomainException {
  constructor(code: Open311ErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}

/**
 * Open311's error document instead of our JSON body: `[{code, description}]`, or
 * `<errors><error>…` when the client asked for XML. The status and Turkish text are the one
 * filter's (toHttpError), so an error means the same on both APIs.
 */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(Open311ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<FastifyRequest<{ Params: { format?: string } }>>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = toHttpError(exception);
    if (body.statusCode >= 500 && body.statusCode !== 503) {
      this.logger.error({ msg: 'unhandled error', error: exception instanceof Error ? exception.message : String(exception) });
    }
    const retryAfter = retryAfterOf(exception);
    if (retryAfter !== undefined) reply.header('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
    // The field-level messages already name the field; the summary only lists them.
    const description = body.details?.length ? body.details.map((d) => d.message).join('; ') : body.message;
    const format = formatOf(String(req.params?.format ?? '')) ?? 'json';
    const { type, text } = render(format, 'errors', [{ code: body.statusCode, description }]);
    void reply.code(body.statusCode).type(type).send(text);
  }
}

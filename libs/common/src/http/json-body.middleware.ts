import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json, urlencoded } from 'express';
import { CommonErrorCode } from '../errors/common-errors';
import { HttpErrorBody } from '../errors/http-error.filter';

/**
 * body-parser errors happen before Nest's filters run; wrap the parser so a malformed or
 * oversized body still gets the stable error body instead of Express's HTML page.
 */
export function jsonBody(limit: string, keepRawFor: string[] = []): RequestHandler {
  // Signed webhooks (WhatsApp Cloud API) are verified over the exact bytes, so those paths keep them.
  const verify = (req: RawBodyRequest, _res: unknown, buf: Buffer) => {
    if (keepRawFor.some((path) => req.originalUrl.split('?')[0] === path)) req.rawBody = buf;
  };
  return withStableErrors(json({ limit, verify }), limit);
}

/** A request whose body bytes were kept by `jsonBody` for signature checks. */
export type RawBodyRequest = Request & { rawBody?: Buffer };

/** The same for `application/x-www-form-urlencoded` bodies (providers' webhooks). */
export function formBody(limit: string): RequestHandler {
  return withStableErrors(urlencoded({ limit, extended: false }), limit);
}

function withStableErrors(parse: RequestHandler, limit: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const type = (err as { type?: string }).type;
      const body: HttpErrorBody =
        type === 'entity.too.large'
          ? { statusCode: 413, code: CommonErrorCode.PayloadTooLarge, message: `İstek gövdesi ${limit} sınırını aşıyor` }
          : type === 'entity.parse.failed'
            ? { statusCode: 400, code: CommonErrorCode.MalformedJson, message: 'İstek gövdesi geçerli bir JSON değil' }
            : { statusCode: 400, code: CommonErrorCode.ValidationFailed, message: 'İstek gövdesi okunamadı' };
      res.status(body.statusCode).json(body);
    });
  };
}

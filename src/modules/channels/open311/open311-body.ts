import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { text, urlencoded } from 'express';
import { render } from './open311-format';

/**
 * Open311 clients post forms (`attribute[code]` kept as flat keys, repeated keys as lists) or
 * XML (read as text and parsed without a DTD). A body the parser refuses is answered in the
 * specification's error format, as XML when the path asks for XML.
 */
export function open311Body(limit: string): RequestHandler {
  const parsers = [urlencoded({ limit, extended: false }), text({ limit, type: ['text/xml', 'application/xml'] })];
  return (req: Request, res: Response, next: NextFunction) => {
    const run = (i: number) => {
      if (i === parsers.length) return next();
      parsers[i](req, res, (err?: unknown) => {
        if (!err) return run(i + 1);
        const tooLarge = (err as { type?: string }).type === 'entity.too.large';
        const code = tooLarge ? 413 : 400;
        const description = tooLarge ? `body: istek gövdesi ${limit} sınırını aşıyor` : 'body: istek gövdesi okunamadı';
        const { type, text: body } = render(req.path.endsWith('.xml') ? 'xml' : 'json', 'errors', [{ code, description }]);
        res.status(code).type(type).send(body);
      });
    };
    run(0);
  };
}

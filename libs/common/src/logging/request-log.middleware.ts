import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from '../metrics/metrics';

const logger = new Logger('Http');

/** The route's pattern (`/api/v1/tickets/:id`), never the raw path: ids and phone numbers would make a series each. */
export function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
}

/** One structured line per request (the logger masks any phone or e-mail in the URL), and its latency by route. */
export function requestLog(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpDuration.observe({ method: req.method, route: routeOf(req), status: String(res.statusCode) }, seconds);
      const entry = {
        msg: 'request',
        requestId: res.locals.requestId as string | undefined,
        method: req.method,
        path: req.originalUrl,
        status: res.statusCode,
        ms: Math.round(seconds * 1e4) / 10,
      };
      if (res.statusCode >= 500) logger.error(entry);
      else logger.log(entry);
    });
    next();
  };
}

import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Metrics } from '../metrics/metrics';

const logger = new Logger('Http');

/** The route's pattern (`/api/v1/tickets/:id`), never the raw path: ids and phone numbers would make a series each. */
export function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

/**
 * One structured line per request (the logger masks any phone or e-mail in the URL), and its
 * latency by route. Counted when the response is finished, however it was written (a stream,
 * server-sent events, a file).
 */
export function registerRequestLog(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const started = process.hrtime.bigint();
    reply.raw.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = reply.raw.statusCode;
      metrics.httpDuration.observe({ method: request.method, route: routeOf(request), status: String(status) }, seconds);
      const entry = { msg: 'request', requestId: request.id, method: request.method, path: request.url, status, ms: Math.round(seconds * 1e4) / 10 };
      if (status >= 500) logger.error(entry);
      else logger.log(entry);
    });
    done();
  });
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** What a log line says about where it comes from: the request, and the job it caused. Ids only, never personal data. */
export interface RequestScope {
  requestId?: string;
  jobId?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** A caller's (a proxy's) own request id is kept when it looks like one; anything else gets a new one. */
const REQUEST_ID = /^[\w.:-]{8,64}$/;

export const RequestContext = {
  current(): RequestScope {
    return storage.getStore() ?? {};
  },
  run<T>(scope: RequestScope, work: () => T): T {
    return storage.run(scope, work);
  },
};

/** Fastify's `genReqId`: the request's id (X-Request-Id in), which Fastify keeps as `request.id`. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Answers with the request's id (X-Request-Id out) and runs the handler in its scope, so every
 * log line it writes and every job it adds carry the id. The scope starts after the body is
 * parsed: the parsers read it from socket events, which would lose the scope.
 */
export function registerRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    // On the raw response, so that answers written past Fastify (server-sent events) carry it too.
    reply.raw.setHeader('X-Request-Id', request.id);
    done();
  });
  fastify.addHook('preHandler', (request, _reply, done) => storage.run({ requestId: request.id }, done));
}

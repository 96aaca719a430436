import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

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

/**
 * Gives each request an id (X-Request-Id in and out) and runs the rest of it in that scope, so
 * every log line it writes and every job it adds carry the id. After the body parsers: they read
 * the body from socket events, which would lose the scope.
 */
export function requestContext(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.locals.requestId = requestId;
  res.setHeader('X-Request-Id', requestId);
  storage.run({ requestId }, next);
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parse as parseForm } from 'node:querystring';
import type { Readable } from 'node:stream';
import { CommonErrorCode } from '../errors/common-errors';
import { DomainException, ErrorKind } from '../errors/domain.exception';

/** A request whose body bytes were kept for a signature check (`keepRawFor`). */
export type RawBodyRequest = FastifyRequest & { rawBody?: Buffer };

/** Why a body could not be read: too large for `limit` (as configured, "1mb"), or not readable. */
export interface BodyProblem {
  tooLarge: boolean;
  limit: string;
}

/** Paths under `under` also take form bodies, and bodies of the `text` types as a string. */
export interface BodyRoute {
  under: string;
  form?: boolean;
  text?: string[];
  /**
   * What the handler receives in place of a body it cannot read: the route answers it in its own
   * format. Without it such a body is refused at once with the stable JSON error body.
   */
  unreadable?: (problem: BodyProblem) => unknown;
}

export interface BodyParsing {
  /** BODY_LIMIT: "512kb", "1mb". */
  limit: string;
  /** Exact paths whose JSON bodies keep their bytes (signed webhooks are verified over them). */
  keepRawFor: string[];
  routes: BodyRoute[];
}

// As Express's urlencoded parser counted them.
const MAX_FORM_PARAMETERS = 1000;
// body-parser's strict mode: a JSON body is an object or an array.
const JSON_START = /^[ \t\n\r]*[{[]/;

/** Bytes of a BODY_LIMIT setting ("512kb", "1mb": the configuration checked its form). */
function bodyLimitBytes(limit: string): number {
  const [, amount, unit] = /^(\d+)(kb|mb)$/.exec(limit)!;
  return Number(amount) * (unit === 'kb' ? 1024 : 1024 * 1024);
}

/**
 * The app's body parsers: JSON everywhere, forms and other types only under the routes that
 * take them; any other body is left unread, as Express left it. A body too large or malformed is
 * refused with the stable error body (or handed to the route's `unreadable`).
 */
export function registerBodyParsers(fastify: FastifyInstance, parsing: BodyParsing): void {
  const bytes = bodyLimitBytes(parsing.limit);
  const refusal = (problem: BodyProblem): DomainException =>
    problem.tooLarge
      ? new DomainException(CommonErrorCode.PayloadTooLarge, ErrorKind.TooLarge, `İstek gövdesi ${problem.limit} sınırını aşıyor`)
      : new DomainException(CommonErrorCode.ValidationFailed, ErrorKind.Invalid, 'İstek gövdesi okunamadı');
  const routeOf = (request: FastifyRequest) => {
    const path = request.url.split('?')[0].toLowerCase();
    return parsing.routes.find((route) => path === route.under || path.startsWith(`${route.under}/`));
  };
  const refuse = (request: FastifyRequest, problem: BodyProblem, done: (error: Error | null, body?: unknown) => void) => {
    const unreadable = routeOf(request)?.unreadable;
    if (unreadable) done(null, unreadable(problem));
    else done(refusal(problem));
  };

  fastify.removeAllContentTypeParsers();
  fastify.decorateRequest('rawBody', null);
  fastify.addContentTypeParser('application/json', (request, payload, done) => {
    readBody(payload, bytes, (tooLarge, body) => {
      if (!body) return done(refusal({ tooLarge, limit: parsing.limit }));
      if (!body.length) return done(null, undefined);
      const text = body.toString('utf8');
      if (!JSON_START.test(text)) return done(malformedJson());
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return done(malformedJson());
      }
      if (parsing.keepRawFor.includes(request.url.split('?')[0])) (request as RawBodyRequest).rawBody = body;
      done(null, parsed);
    });
  });
  fastify.addContentTypeParser('application/x-www-form-urlencoded', (request, payload, done) => {
    if (!routeOf(request)?.form) return done(null, undefined);
    readBody(payload, bytes, (tooLarge, body) => {
      if (!body) return refuse(request, { tooLarge, limit: parsing.limit }, done);
      if (!body.length) return done(null, undefined);
      const text = body.toString('utf8');
      if (text.split('&', MAX_FORM_PARAMETERS + 1).length > MAX_FORM_PARAMETERS) return refuse(request, { tooLarge: false, limit: parsing.limit }, done);
      done(null, { ...parseForm(text) });
    });
  });
  const textTypes = [...new Set(parsing.routes.flatMap((route) => route.text ?? []))];
  if (textTypes.length) {
    fastify.addContentTypeParser(textTypes, (request, payload, done) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      const route = routeOf(request);
      if (!route?.text?.includes(type)) return done(null, undefined);
      readBody(payload, bytes, (tooLarge, body) => (body ? done(null, body.toString('utf8')) : refuse(request, { tooLarge, limit: parsing.limit }, done)));
    });
  }
  // Any other type (text/plain, or none) reaches the handler without a body, as with Express.
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}

function malformedJson(): DomainException {
  return new DomainException(CommonErrorCode.MalformedJson, ErrorKind.Invalid, 'İstek gövdesi geçerli bir JSON değil');
}

/**
 * The whole body, or none when it is larger than `limit` (`tooLarge`) or the client broke off. It
 * is read to its end either way, as body-parser did, so the client is not cut off mid-send.
 */
function readBody(payload: Readable, limit: number, done: (tooLarge: boolean, body: Buffer | null) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (tooLarge: boolean, body: Buffer | null) => {
    if (finished) return;
    finished = true;
    done(tooLarge, body);
  };
  payload.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  });
  payload.on('end', () => (size > limit ? finish(true, null) : finish(false, Buffer.concat(chunks, size))));
  payload.on('error', () => finish(false, null));
}

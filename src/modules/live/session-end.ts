import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { catchError, exhaustMap, filter, from, interval, map, Observable, of, take } from 'rxjs';
import { UnauthenticatedException } from '@app/common';
import { AppConfig } from '@app/config';
import { StaffTokens } from '../auth';

/**
 * When an open stream's sign-in stops holding (password, role, department or active flag
 * changed): the guard checked it once, when the stream opened, and a stream lasts a shift.
 */
@Injectable()
export class SessionEnd {
  constructor(
    private readonly tokens: StaffTokens,
    private readonly config: AppConfig,
  ) {}

  /** Emits once, at the first check that finds the request's token no longer valid. */
  of(request: FastifyRequest): Observable<void> {
    const query = (request.query as { access_token?: unknown }).access_token;
    const credential = request.headers.authorization ?? (typeof query === 'string' ? `Bearer ${query}` : undefined);
    return interval(this.config.LIVE_SESSION_CHECK_MS).pipe(
      exhaustMap(() =>
        from(this.tokens.authenticate(credential)).pipe(
          map(() => false),
          // A database hiccup is not a revocation: the stream stays and the next check decides.
          catchError((error: unknown) => of(error instanceof UnauthenticatedException)),
        ),
      ),
      filter(Boolean),
      map((): void => undefined),
      take(1),
    );
  }
}

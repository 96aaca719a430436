import { Controller, MessageEvent, Req, Sse } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { filter, interval, map, merge, Observable, takeUntil } from 'rxjs';
import { AllowQueryToken, CurrentUser, departmentScope, Role, Roles, StaffPrincipal } from '@app/domain';
import { LiveSubscriber } from './live.subscriber';
import { SessionEnd } from './session-end';

// Proxies close idle connections; a comment-like ping every 25 s keeps the stream open.
const HEARTBEAT_MS = 25_000;

const heartbeat = () => interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: '' })));

/**
 * Every stream ends when its sign-in is revoked (checked every `LIVE_SESSION_CHECK_MS`).
 *
 * Server-sent events: the tickets entering or changing in the queues this user may see, and a
 * `notification` event when this user's staff notification list grows (the bell re-reads it).
 */
@ApiTags('live')
@ApiBearerAuth()
@Controller('live')
export class LiveController {
  constructor(
    private readonly subscriber: LiveSubscriber,
    private readonly sessionEnd: SessionEnd,
  ) {}

  @AllowQueryToken()
  @Sse('tickets')
  tickets(@CurrentUser() user: StaffPrincipal, @Req() request: FastifyRequest): Observable<MessageEvent> {
    const scope = departmentScope(user);
    const changes = this.subscriber.stream.pipe(
      filter((change) => scope === undefined || (scope !== null && change.departmentId === scope)),
      map((change): MessageEvent => ({ type: 'ticket', data: change })),
    );
    const notifications = this.subscriber.notificationStream.pipe(
      filter((announcement) => announcement.userIds.includes(user.id)),
      map((): MessageEvent => ({ type: 'notification', data: { userId: user.id } })),
    );
    return merge(changes, notifications, heartbeat()).pipe(takeUntil(this.sessionEnd.of(request)));
  }

  /** Server-sent events: the 444 calls reaching this user, with the caller's record (screen-pop). */
  @AllowQueryToken()
  @Roles(Role.Agent, Role.Supervisor)
  @Sse('calls')
  calls(@CurrentUser() user: StaffPrincipal, @Req() request: FastifyRequest): Observable<MessageEvent> {
    const mine = this.subscriber.callStream.pipe(
      filter((call) => call.agentId === user.id),
      map((call): MessageEvent => ({ type: 'call', data: call })),
    );
    return merge(mine, heartbeat()).pipe(takeUntil(this.sessionEnd.of(request)));
  }

  /** Server-sent events for the call-centre wallboard: a `wallboard` nudge when a call or an agent's state moves. */
  @AllowQueryToken()
  @Roles(Role.Supervisor, Role.DepartmentManager, Role.Executive)
  @Sse('wallboard')
  wallboard(@Req() request: FastifyRequest): Observable<MessageEvent> {
    const changes = this.subscriber.wallboardStream.pipe(map((change): MessageEvent => ({ type: 'wallboard', data: change })));
    return merge(changes, heartbeat()).pipe(takeUntil(this.sessionEnd.of(request)));
  }
}

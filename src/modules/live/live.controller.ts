import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { filter, interval, map, merge, Observable } from 'rxjs';
import { AllowQueryToken, CurrentUser } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { departmentScope } from '../tickets/ticket-access';
import { LiveSubscriber } from './live.subscriber';

// Proxies close idle connections; a comment-like ping every 25 s keeps the stream open.
const HEARTBEAT_MS = 25_000;

/** Server-sent events: the tickets entering or changing in the queues this user may see. */
@ApiTags('live')
@ApiBearerAuth()
@Controller('live')
export class LiveController {
  constructor(private readonly subscriber: LiveSubscriber) {}

  @AllowQueryToken()
  @Sse('tickets')
  tickets(@CurrentUser() user: StaffPrincipal): Observable<MessageEvent> {
    const scope = departmentScope(user);
    const changes = this.subscriber.stream.pipe(
      filter((change) => scope === undefined || (scope !== null && change.departmentId === scope)),
      map((change): MessageEvent => ({ type: 'ticket', data: change })),
    );
    const heartbeat = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: '' })));
    return merge(changes, heartbeat);
  }
}

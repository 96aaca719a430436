import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { RedisClient } from '@app/queue';
import { StaffNotificationAnnouncement, staffNotificationsChannel } from '../notifications';
import { IncomingCall } from './incoming-call';
import { callsChannel, liveChannel, WallboardChange, wallboardChannel } from './live.publisher';
import { TicketChange } from './ticket-change';

/** One subscription per API process, fanned out to the streams of the staff connected to it. */
@Injectable()
export class LiveSubscriber implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveSubscriber.name);
  private readonly changes = new Subject<TicketChange>();
  private readonly calls = new Subject<IncomingCall>();
  private readonly notifications = new Subject<StaffNotificationAnnouncement>();
  private readonly wallboard = new Subject<WallboardChange>();

  constructor(private readonly redis: RedisClient) {}

  get stream(): Observable<TicketChange> {
    return this.changes.asObservable();
  }

  get callStream(): Observable<IncomingCall> {
    return this.calls.asObservable();
  }

  /** Whose staff notification lists have just grown. */
  get notificationStream(): Observable<StaffNotificationAnnouncement> {
    return this.notifications.asObservable();
  }

  get wallboardStream(): Observable<WallboardChange> {
    return this.wallboard.asObservable();
  }

  async onModuleInit(): Promise<void> {
    const connection = this.redis.subscriber();
    connection.on('error', (error) => this.logger.warn({ msg: 'live subscription error', error: error.message }));
    const calls = callsChannel(this.redis);
    const notifications = staffNotificationsChannel(this.redis);
    const wallboard = wallboardChannel(this.redis);
    connection.on('message', (channel: string, raw: string) => {
      try {
        if (channel === calls) this.calls.next(JSON.parse(raw) as IncomingCall);
        else if (channel === wallboard) this.wallboard.next(JSON.parse(raw) as WallboardChange);
        else if (channel === notifications) this.notifications.next(JSON.parse(raw) as StaffNotificationAnnouncement);
        else this.changes.next(JSON.parse(raw) as TicketChange);
      } catch {
        this.logger.warn({ msg: 'unreadable live message dropped' });
      }
    });
    await connection.subscribe(liveChannel(this.redis), calls, notifications, wallboard);
  }

  /**
   * The streams end here; the connection is closed with the others at the end of the shutdown
   * (RedisConnections), which does not wait on a QUIT that a silent Redis would never answer.
   */
  onModuleDestroy(): void {
    this.changes.complete();
    this.calls.complete();
    this.notifications.complete();
    this.wallboard.complete();
  }
}

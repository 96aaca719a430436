import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, Page, pageOf, ResourceNotFoundException, withTimeout } from '@app/common';
import { RedisClient } from '@app/queue';
import { ListStaffNotificationsDto } from './dto/list-staff-notifications.dto';
import { StaffNotification } from './staff-notification.entity';

/** The Redis channel on which new notifications are announced (the live stream tells their owners). */
export const staffNotificationsChannel = (redis: RedisClient) => redis.key('live', 'notifications');

/** What the channel carries: whose list has a new line. */
export interface StaffNotificationAnnouncement {
  userIds: string[];
}

/** `createdAt` is when its cause happened (a late job must not put an older warning above a newer breach). */
export type NewStaffNotification = Pick<StaffNotification, 'userId' | 'cause' | 'ticketId' | 'title' | 'body' | 'link' | 'createdAt'>;

/** The in-app list: written with its cause (once per person), read and ticked off by its owner. */
@Injectable()
export class StaffNotifications {
  private readonly logger = new Logger(StaffNotifications.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly redis: RedisClient,
  ) {}

  /** Writes the lines (once per cause and person); returns whose lists grew, to `announce` after commit. */
  async add(manager: EntityManager, rows: NewStaffNotification[]): Promise<string[]> {
    if (!rows.length) return [];
    const result = await manager.createQueryBuilder().insert().into(StaffNotification).values(rows).orIgnore().returning(['userId']).execute();
    const added = (result.raw as { user_id?: string; userId?: string }[]).map((r) => r.user_id ?? r.userId).filter((id): id is string => !!id);
    return [...new Set(added)];
  }

  /** Tells the connected staff their list grew (best effort: the bell also reads the list on load). */
  async announce(userIds: string[]): Promise<void> {
    if (!userIds.length) return;
    const message: StaffNotificationAnnouncement = { userIds };
    try {
      await withTimeout(this.redis.connection.publish(staffNotificationsChannel(this.redis), JSON.stringify(message)), 500);
    } catch (error) {
      this.logger.warn({ msg: 'notification not announced', error: (error as Error).message });
    }
  }

  async mine(userId: string, query: ListStaffNotificationsDto): Promise<Page<StaffNotification> & { unread: number }> {
    const qb = this.dataSource
      .getRepository(StaffNotification)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId })
      .orderBy('n.created_at', 'DESC');
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    const [rows, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const unread = await this.dataSource
      .getRepository(StaffNotification)
      .createQueryBuilder('n')
      .where('n.user_id = :userId AND n.read_at IS NULL', { userId })
      .getCount();
    return { ...pageOf(rows, total, query), unread };
  }

  async markRead(userId: string, id: string): Promise<StaffNotification> {
    const repo = this.dataSource.getRepository(StaffNotification);
    const row = await repo.findOneBy({ id, userId });
    if (!row) throw new ResourceNotFoundException('Bildirim');
    row.readAt ??= this.clock.now();
    return repo.save(row);
  }
}

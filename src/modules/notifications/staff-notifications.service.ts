import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, Page, pageOf, ResourceNotFoundException } from '@app/common';
import { ListStaffNotificationsDto } from './dto/list-staff-notifications.dto';
import { StaffNotification } from './staff-notification.entity';

export type NewStaffNotification = Pick<StaffNotification, 'userId' | 'cause' | 'ticketId' | 'title' | 'body' | 'link'>;

/** The in-app list: written with its cause (once per person), read and ticked off by its owner. */
@Injectable()
export class StaffNotifications {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async add(manager: EntityManager, rows: NewStaffNotification[]): Promise<void> {
    if (!rows.length) return;
    await manager.createQueryBuilder().insert().into(StaffNotification).values(rows).orIgnore().execute();
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

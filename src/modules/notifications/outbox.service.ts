import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, DomainException, ErrorKind, Page, pageOf, ResourceNotFoundException } from '@app/common';
import { maskEmail, maskPhone } from '@app/domain';
import { ListOutboundDto } from './dto/list-outbound.dto';
import { OutboundChannel, OutboundMessage, OutboundState } from './outbound-message.entity';
import { OutboundMessages } from './outbound-messages.service';

export type OutboundView = OutboundMessage;

/** What admins see of the outbox: every message, its state and why it failed; failed ones can be re-run. */
@Injectable()
export class OutboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboundMessages,
    private readonly clock: Clock,
  ) {}

  /** `shows` decides whose recipients appear (masked); the others read '***'. */
  async list(query: ListOutboundDto, shows: (message: OutboundMessage) => boolean = () => true): Promise<Page<OutboundView>> {
    const qb = this.dataSource.getRepository(OutboundMessage).createQueryBuilder('m').orderBy('m.created_at', 'DESC');
    if (query.state) qb.andWhere('m.state = :state', { state: query.state });
    if (query.channel) qb.andWhere('m.channel = :channel', { channel: query.channel });
    if (query.ticketId) qb.andWhere('m.ticket_id = :ticketId', { ticketId: query.ticketId });
    const [rows, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(
      rows.map((row) => masked(row, shows(row))),
      total,
      query,
    );
  }

  /** A failed message goes out again from a fresh attempt count. */
  async retry(id: string): Promise<OutboundView> {
    const now = this.clock.now();
    const rows: [OutboundMessage[], number] = await this.dataSource.query(
      `UPDATE outbound_messages SET state = 'pending', attempts = 0, not_before = $2, updated_at = $2 WHERE id = $1 AND state = 'failed' RETURNING id`,
      [id, now],
    );
    const message = await this.dataSource.getRepository(OutboundMessage).findOneBy({ id });
    if (!message) throw new ResourceNotFoundException('Mesaj');
    if (rows[1] === 0)
      throw new DomainException('OUTBOUND_NOT_FAILED', ErrorKind.Conflict, `Yalnızca başarısız mesajlar yeniden gönderilir (durum: ${message.state})`);
    // An admin's re-run is a new job even if the first attempt's job is still remembered.
    await this.outbox.dispatch([message], `-rerun-${randomBytes(4).toString('hex')}`);
    return masked(message, true);
  }
}

function masked(message: OutboundMessage, shown: boolean): OutboundView {
  const recipient = !shown
    ? null
    : message.channel === OutboundChannel.Email
      ? maskEmail(message.recipient)
      : maskPhone(message.recipient.replace(/@.*$/, '').replace(/^(\d)/, '+$1'));
  return { ...message, recipient: recipient ?? '***', state: message.state as OutboundState };
}

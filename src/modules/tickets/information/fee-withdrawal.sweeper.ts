import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { IntervalSweeper } from '@app/queue';
import { InformationRequests } from './information-requests.service';

/**
 * Closes as withdrawn the Law 4982 applications whose access fee was not paid by its date. The
 * state is the row (fee due, unpaid, undecided); each is closed in its own transaction under the
 * ticket's lock, so two workers close it once.
 */
@Injectable()
export class FeeWithdrawalSweeper extends IntervalSweeper {
  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: InformationRequests,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  async sweep(): Promise<number> {
    const due: { ticket_id: string }[] = await this.dataSource.query(
      `SELECT r.ticket_id FROM information_requests r JOIN tickets t ON t.id = r.ticket_id
        WHERE r.fee_due_at <= $1 AND r.fee_paid_at IS NULL AND r.decision IS NULL AND t.status = 'waiting_for_citizen' LIMIT 500`,
      [this.clock.now()],
    );
    let closed = 0;
    for (const { ticket_id } of due) if (await this.requests.withdrawUnpaid(ticket_id)) closed += 1;
    return closed;
  }
}

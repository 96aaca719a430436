import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { maskPhone, normalizePhone, OPEN_STATUSES } from '@app/domain';
import { CitizensService } from '../../citizens';
import { LivePublisher } from '../../live';

/** Tells the agent who just took a call who is calling and what they already have open. */
@Injectable()
export class ScreenPopService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly citizens: CitizensService,
    private readonly live: LivePublisher,
    private readonly clock: Clock,
  ) {}

  async show(agentId: string, callSid: string, from: string): Promise<void> {
    const phone = normalizePhone(from);
    const citizen = phone ? await this.citizens.byPhone(phone) : null;
    const openTickets: { id: string; trackingNo: string; subject: string; status: string; createdAt: Date }[] = citizen
      ? await this.dataSource.query(
          `SELECT id, tracking_no AS "trackingNo", subject, status, created_at AS "createdAt" FROM tickets
            WHERE citizen_id = $1 AND status = ANY($2::ticket_status[]) AND kind <> 'ihbar' ORDER BY created_at DESC LIMIT 20`,
          [citizen.id, OPEN_STATUSES],
        )
      : [];
    await this.live.publishCall({
      agentId,
      callSid,
      callerMasked: phone ? maskPhone(phone)! : 'gizli numara',
      citizen: citizen ? this.citizens.view(citizen) : null,
      openTickets: openTickets.map((t) => ({ ...t, createdAt: new Date(t.createdAt).toISOString() })),
      at: this.clock.now().toISOString(),
    });
  }
}

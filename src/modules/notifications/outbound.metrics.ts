import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Metrics } from '@app/common';

/** Outbound messages by channel and state (pending and sending = the outbox's backlog), counted at most every 30 s. */
@Injectable()
export class OutboundMetrics implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge(
      'cm_outbound_messages',
      'Outbound messages, by channel and state',
      ['channel', 'state'],
      async () => {
        const rows: { channel: string; state: string; n: number }[] = await this.dataSource.query(
          'SELECT channel, state, count(*)::int AS n FROM outbound_messages GROUP BY channel, state',
        );
        return rows.map((r) => ({ labels: { channel: r.channel, state: r.state }, value: r.n }));
      },
      30_000,
    );
  }
}

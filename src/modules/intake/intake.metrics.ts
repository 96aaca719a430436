import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Metrics } from '@app/common';

/** Inbound events by channel and state (received = waiting to be filed, failed = an admin's to re-run), counted at most every 30 s. */
@Injectable()
export class IntakeMetrics implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge(
      'cm_inbound_events',
      'Inbound events stored, by channel and state',
      ['channel', 'state'],
      async () => {
        const rows: { channel: string; state: string; n: number }[] = await this.dataSource.query(
          'SELECT channel, state, count(*)::int AS n FROM inbound_events GROUP BY channel, state',
        );
        return rows.map((r) => ({ labels: { channel: r.channel, state: r.state }, value: r.n }));
      },
      30_000,
    );
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { GaugeSample, Metrics } from '@app/common';
import { ReportsDatabase } from '@app/database';

/** A pool's connections: in use, idle, and callers waiting for one (a saturated pool); none before it connects. */
function poolSamples(pool: string, dataSource: DataSource): GaugeSample[] {
  const connections = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!connections) return [];
  return [
    { labels: { pool, state: 'busy' }, value: connections.totalCount - connections.idleCount },
    { labels: { pool, state: 'idle' }, value: connections.idleCount },
    { labels: { pool, state: 'waiting' }, value: connections.waitingCount },
  ];
}

/** The PostgreSQL pools: the primary's, and the reports' own on the replica when REPORTS_DATABASE_URL is set. */
@Injectable()
export class PoolMetrics implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsDatabase,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge(
      'cm_db_pool_connections',
      'PostgreSQL pool connections by pool (primary, reports) and state (busy, idle, waiting)',
      ['pool', 'state'],
      async () => [...poolSamples('primary', this.dataSource), ...(this.reports.separate ? poolSamples('reports', this.reports.dataSource) : [])],
    );
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Metrics } from '@app/common';

/** The PostgreSQL pool's connections: in use, idle, and callers waiting for one (a saturated pool). */
@Injectable()
export class PoolMetrics implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge('cm_db_pool_connections', 'PostgreSQL pool connections by state (busy, idle, waiting)', ['state'], async () => {
      const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
      if (!pool) return [];
      return [
        { labels: { state: 'busy' }, value: pool.totalCount - pool.idleCount },
        { labels: { state: 'idle' }, value: pool.idleCount },
        { labels: { state: 'waiting' }, value: pool.waitingCount },
      ];
    });
  }
}

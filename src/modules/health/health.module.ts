import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { MetricsServer } from './metrics.server';
import { PoolMetrics } from './pool.metrics';

@Module({ controllers: [HealthController], providers: [MetricsServer, PoolMetrics] })
export class HealthModule {}

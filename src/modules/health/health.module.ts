import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { MetricsServer } from './metrics.server';
import { PoolMetrics } from './pool.metrics';
import { ReadinessProbe } from './readiness';

@Module({ controllers: [HealthController], providers: [ReadinessProbe, MetricsServer, PoolMetrics] })
export class HealthModule {}

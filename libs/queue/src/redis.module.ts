import { Module } from '@nestjs/common';
import { RedisConnections } from './redis-connections.service';

/** The connection factory on its own, for the queue registrations that need it before QueueModule exists. */
@Module({ providers: [RedisConnections], exports: [RedisConnections] })
export class RedisModule {}

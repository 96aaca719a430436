import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditLogController } from './audit-log.controller';
import { AuditLog } from './audit-log.service';
import { AuditTrail } from './audit-trail.service';

/** Who did what and when, with before and after: written by the use cases, read by admins. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  controllers: [AuditLogController],
  providers: [AuditTrail, AuditLog],
  exports: [AuditTrail],
})
export class AuditModule {}

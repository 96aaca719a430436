export { AuditModule } from './audit.module';
export { AuditTrail } from './audit-trail.service';
export type { AuditActor, AuditRecord } from './audit-trail.service';

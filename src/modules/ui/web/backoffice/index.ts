export { AuditLogView } from './audit-log';
export { ExportsView } from './exports';
export { OutboxView } from './outbox';
export { registerBackOffice } from './register';

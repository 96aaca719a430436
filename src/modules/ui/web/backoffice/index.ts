export { ExportsView } from './exports';
export { OutboxView } from './outbox';
export { registerBackOffice } from './register';

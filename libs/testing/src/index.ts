export * from './test-app';
export * from './factories';
export * from './wait-for';
export * from './redis-server';
export * from './worker-process';
export * from './event-stream';
export * from './fake-whatsapp-client';

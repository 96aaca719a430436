export * from './role';
export * from './staff-principal';
export * from './auth.decorators';
export * from './ticket-enums';
export * from './ticket-status';
export * from './identity-kind';
export * from './phone';
export * from './tracking-no';

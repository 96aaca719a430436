export * from './business-calendar';
export * from './turkish-holidays';
export * from './working-hours';
export { addDays, isLocalDate, type LocalDate } from './zoned-time';

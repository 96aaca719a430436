export * from './business-calendar';
export * from './legal-periods';
export * from './turkish-holidays';
export * from './weekly-hours';
export * from './working-hours';
export { addDays, endOfLocalDay, isLocalDate, localDateOf, type LocalDate } from './zoned-time';

export * from './database.module';
export * from './ensure-database';
export * from './migrate';
export * from './migration-settings';
export * from './reports-data-source';
export * from './snake-naming.strategy';
export * from './where-defined';
export * from './json-rows';

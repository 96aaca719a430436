export * from './database.module';
export * from './ensure-database';
export * from './snake-naming.strategy';

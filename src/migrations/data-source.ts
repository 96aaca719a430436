import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { setMigrationSettings, SnakeNamingStrategy } from '@app/database';
import { MIGRATIONS } from './index';

const config = loadConfig(process.env);
setMigrationSettings({ WORKING_HOURS: config.WORKING_HOURS });

/** For the TypeORM CLI (`npm run migration:generate`), run from the compiled dist/. */
export default new DataSource({
  type: 'postgres',
  url: config.DATABASE_URL,
  entities: [join(__dirname, '../modules/**/*.entity.js')],
  migrations: MIGRATIONS,
  namingStrategy: new SnakeNamingStrategy(),
  uuidExtension: 'pgcrypto',
});

import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { SnakeNamingStrategy } from '@app/database';
import { MIGRATIONS } from './index';

/** For the TypeORM CLI (`npm run migration:generate`), run from the compiled dist/. */
export default new DataSource({
  type: 'postgres',
  url: loadConfig(process.env).DATABASE_URL,
  entities: [join(__dirname, '../modules/**/*.entity.js')],
  migrations: MIGRATIONS,
  namingStrategy: new SnakeNamingStrategy(),
  uuidExtension: 'pgcrypto',
});

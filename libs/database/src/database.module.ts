import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ensureDatabase } from './ensure-database';
import { migrateUnderLock } from './migrate';
import { poolOptions } from './pool-options';
import { setPreparedStatements } from './prepared-query';
import { setMigrationSettings } from './migration-settings';
import { REPORTS_DATA_SOURCE, ReportsDatabase, reportsDataSourceProvider } from './reports-data-source';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseModuleOptions {
  migrations: DataSourceOptions['migrations'];
}

@Module({})
export class DatabaseModule {
  /**
   * Entities come from each module's `TypeOrmModule.forFeature`; schema only from migrations.
   * Also offers every module the reports' DataSource (see reports-data-source.ts).
   */
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [reportsDataSourceProvider, ReportsDatabase],
      exports: [REPORTS_DATA_SOURCE, ReportsDatabase],
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: async (config: AppConfig) => {
            if (config.DATABASE_CREATE) await ensureDatabase(config.DATABASE_URL);
            setMigrationSettings({ WORKING_HOURS: config.WORKING_HOURS });
            setPreparedStatements(config.DATABASE_PREPARED_STATEMENTS);
            return {
              type: 'postgres' as const,
              url: config.DATABASE_URL,
              autoLoadEntities: true,
              synchronize: false,
              migrations: options.migrations,
              namingStrategy: new SnakeNamingStrategy(),
              uuidExtension: 'pgcrypto' as const,
              extra: poolOptions(config.DATABASE_POOL_SIZE),
              logging: ['error' as const],
            };
          },
          // Migrations run before any module uses the database, one process at a time.
          dataSourceFactory: async (dataSourceOptions?: DataSourceOptions) => {
            const dataSource = await new DataSource(dataSourceOptions!).initialize();
            await migrateUnderLock(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}

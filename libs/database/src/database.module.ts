import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { MixedList } from 'typeorm';
import { ensureDatabase } from './ensure-database';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseModuleOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

@Module({})
export class DatabaseModule {
  /** Entities come from each module's `TypeOrmModule.forFeature`; schema only from migrations. */
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: async (config: AppConfig) => {
            if (config.DATABASE_CREATE) await ensureDatabase(config.DATABASE_URL);
            return {
              type: 'postgres' as const,
              url: config.DATABASE_URL,
              autoLoadEntities: true,
              synchronize: false,
              migrations: options.migrations,
              migrationsRun: true,
              migrationsTransactionMode: 'all' as const,
              namingStrategy: new SnakeNamingStrategy(),
              uuidExtension: 'pgcrypto' as const,
              extra: { max: config.DATABASE_POOL_SIZE },
              logging: ['error' as const],
            };
          },
        }),
      ],
    };
  }
}

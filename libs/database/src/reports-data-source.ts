import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { poolOptions } from './pool-options';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The DataSource reports and exports read from: REPORTS_DATABASE_URL's replica, or the primary. */
export const REPORTS_DATA_SOURCE = Symbol('REPORTS_DATA_SOURCE');

export const InjectReportsDataSource = () => Inject(REPORTS_DATA_SOURCE);

// How often a replica that could not be reached is tried again.
const RETRY_MS = 5000;

/**
 * Raw read-only queries only: no entities, no migrations (a hot standby refuses writes, and its
 * schema is the primary's, replayed). Its own pool, so a long export never takes intake's connections.
 * Connected by ReportsDatabase, not here: a replica that is down must not stop the process booting.
 */
export const reportsDataSourceProvider: Provider = {
  provide: REPORTS_DATA_SOURCE,
  inject: [AppConfig, getDataSourceToken()],
  useFactory: (config: AppConfig, primary: DataSource): DataSource => {
    if (!config.REPORTS_DATABASE_URL) return primary;
    return new DataSource({
      type: 'postgres',
      url: config.REPORTS_DATABASE_URL,
      namingStrategy: new SnakeNamingStrategy(),
      extra: poolOptions(config.REPORTS_DATABASE_POOL_SIZE),
      logging: ['error'],
    });
  },
};

/**
 * Whether reports read a replica of their own, and its connection: tried once at boot, then every
 * RETRY_MS until it answers (reports fail meanwhile; intake does not care). Closed at shutdown;
 * TypeORM closes the primary's.
 */
@Injectable()
export class ReportsDatabase implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ReportsDatabase.name);
  private retry?: NodeJS.Timeout;

  constructor(
    @InjectReportsDataSource() readonly dataSource: DataSource,
    @Inject(getDataSourceToken()) private readonly primary: DataSource,
  ) {}

  get separate(): boolean {
    return this.dataSource !== this.primary;
  }

  async onModuleInit(): Promise<void> {
    if (this.separate) await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.retry);
    if (this.separate && this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private async connect(): Promise<void> {
    try {
      await this.dataSource.initialize();
    } catch (error) {
      this.logger.warn({ msg: 'reports replica unreachable; retrying', error: (error as Error).message, retryMs: RETRY_MS });
      this.retry = setTimeout(() => void this.connect(), RETRY_MS);
      this.retry.unref();
    }
  }
}

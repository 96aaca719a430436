import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The DataSource reports and exports read from: REPORTS_DATABASE_URL's replica, or the primary. */
export const REPORTS_DATA_SOURCE = Symbol('REPORTS_DATA_SOURCE');

export const InjectReportsDataSource = () => Inject(REPORTS_DATA_SOURCE);

/**
 * Raw read-only queries only: no entities, no migrations (a hot standby refuses writes, and its
 * schema is the primary's, replayed). Its own pool, so a long export never takes intake's connections.
 */
export const reportsDataSourceProvider: Provider = {
  provide: REPORTS_DATA_SOURCE,
  inject: [AppConfig, getDataSourceToken()],
  useFactory: async (config: AppConfig, primary: DataSource): Promise<DataSource> => {
    if (!config.REPORTS_DATABASE_URL) return primary;
    return new DataSource({
      type: 'postgres',
      url: config.REPORTS_DATABASE_URL,
      namingStrategy: new SnakeNamingStrategy(),
      extra: { max: config.REPORTS_DATABASE_POOL_SIZE },
      logging: ['error'],
    }).initialize();
  },
};

/** Whether reports read a replica of their own; closes its pool at shutdown (TypeORM closes the primary's). */
@Injectable()
export class ReportsDatabase implements OnApplicationShutdown {
  constructor(
    @InjectReportsDataSource() readonly dataSource: DataSource,
    @Inject(getDataSourceToken()) private readonly primary: DataSource,
  ) {}

  get separate(): boolean {
    return this.dataSource !== this.primary;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.separate && this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

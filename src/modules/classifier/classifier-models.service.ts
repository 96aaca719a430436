import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { ExpiringValue } from '@app/common';
import { ClassifierModel } from './classifier-model.entity';
import { LinearModel } from './model/linear-model';
import { TextScorer } from './model/text-scorer';
import { decodeModel } from './model/model-codec';

/** The active model as a process holds it. */
export interface LoadedModel {
  id: string;
  version: number;
  scorer: TextScorer;
  threshold: number;
}

/**
 * The active classifier version in this process. Every CLASSIFIER_REFRESH_MS at most, one
 * indexed read asks which version is active; a new one is loaded and swapped in, so every API
 * and worker process follows an activation or a rollback without a restart. A version that
 * cannot be loaded leaves the previous one in place.
 */
@Injectable()
export class ClassifierModels {
  private readonly logger = new Logger(ClassifierModels.name);
  private readonly active: ExpiringValue<LoadedModel | null>;
  private loaded: LoadedModel | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.active = new ExpiringValue(config.CLASSIFIER_REFRESH_MS);
  }

  /** The active model, or null while none has been trained. Never throws: a failed check keeps what is loaded. */
  async current(): Promise<LoadedModel | null> {
    try {
      return await this.active.get(() => this.refresh());
    } catch (error) {
      this.logger.warn({ msg: 'classifier model check failed', error: (error as Error).message });
      return this.loaded;
    }
  }

  /** Forgets when it last checked: the next `current()` reads the active version (after an activation here). */
  invalidate(): void {
    this.active.invalidate();
  }

  private async refresh(): Promise<LoadedModel | null> {
    const [row] = await this.dataSource.query(`SELECT id, version, threshold FROM classifier_models WHERE active`);
    if (!row) return (this.loaded = null);
    if (this.loaded?.id === row.id) return this.loaded;
    const stored = await this.dataSource.getRepository(ClassifierModel).findOne({ where: { id: row.id }, select: { id: true, model: true } });
    if (!stored?.model) return this.loaded;
    try {
      this.loaded = { id: row.id, version: row.version, scorer: new TextScorer(new LinearModel(decodeModel(stored.model))), threshold: row.threshold };
      this.logger.log({ msg: 'classifier model loaded', version: row.version });
    } catch (error) {
      this.logger.error({ msg: 'classifier model cannot be loaded; keeping the previous one', version: row.version, error: (error as Error).message });
    }
    return this.loaded;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { IntervalSweeper } from '@app/queue';

/** The tickets' trigram index (search and the duplicate search), a GIN index. */
export const SEARCH_INDEX = 'idx_tickets_search_trgm';

const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * In workers: merges the pending entries of the tickets' search index into it every
 * SEARCH_INDEX_FLUSH_MS. A GIN index takes new entries into a pending list, and the insert that
 * fills the list (4 MB, about 3,000 tickets) merges the whole list itself. That insert is intake's
 * numbered insert, which holds the year's tracking-number lock until commit: at ten million tickets
 * a merge took hundreds of milliseconds, and every ticket-creating transaction waited for it. Here
 * a second's entries are merged outside any of intake's transactions; an insert that finds the list
 * full while a merge runs goes on without merging (PostgreSQL's `ginInsertCleanup`), and two workers'
 * merges take turns. Autovacuum merges the list too, less often.
 */
@Injectable()
export class SearchIndexSweeper extends IntervalSweeper {
  private notOwner = false;

  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super(config);
  }

  protected override intervalMs(): number {
    return this.config.SEARCH_INDEX_FLUSH_MS;
  }

  async sweep(): Promise<number> {
    if (this.notOwner) return 0;
    try {
      // Not found while a bulk load has dropped it: nothing to merge.
      await this.dataSource.query(`SELECT gin_clean_pending_list(i) FROM to_regclass($1) i WHERE i IS NOT NULL`, [SEARCH_INDEX]);
    } catch (error) {
      if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw error;
      // Only the index's owner may merge it (the role that ran the migrations); said once, then left to autovacuum.
      this.notOwner = true;
      this.logger.warn({ msg: 'search index not merged by workers: the database role does not own it', index: SEARCH_INDEX });
    }
    return 0;
  }
}

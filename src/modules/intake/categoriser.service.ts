import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ExpiringValue } from '@app/common';
import { Category } from '../categories';
import { Mahalle } from '../neighbourhoods';
import { Categoriser } from './categoriser/categoriser';

/** The active categories, and the pure categoriser built from them and the mahalleler. */
export interface CategoryIndex {
  categoriser: Categoriser;
  categories: Map<string, Category>;
}

// Categories change rarely (an admin edit); rebuilding the index a minute later is fine.
const REFRESH_MS = 60_000;

@Injectable()
export class CategoriserService {
  private readonly index = new ExpiringValue<CategoryIndex>(REFRESH_MS);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The index, rebuilt first if stale. Call it outside a transaction: a rebuild reads from the pool. */
  current(): Promise<CategoryIndex> {
    return this.index.get(async () => {
      const [categories, mahalleler] = await Promise.all([
        this.dataSource.getRepository(Category).findBy({ active: true }),
        this.dataSource.getRepository(Mahalle).findBy({ active: true }),
      ]);
      return {
        categoriser: new Categoriser(
          categories.map((c) => ({ id: c.id, name: c.name, keywords: c.keywords })),
          mahalleler.map((m) => ({ id: m.id, name: m.name })),
        ),
        categories: new Map(categories.map((c) => [c.id, c])),
      };
    });
  }
}

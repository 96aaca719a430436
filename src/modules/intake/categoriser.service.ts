import { Injectable } from '@nestjs/common';
import { ExpiringValue } from '@app/common';
import { CategoriesService, Category } from '../categories';
import { NeighbourhoodsService } from '../neighbourhoods';
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

  constructor(
    private readonly categories: CategoriesService,
    private readonly mahalleler: NeighbourhoodsService,
  ) {}

  /** The index, rebuilt first if stale. Call it outside a transaction: a rebuild reads from the pool. */
  current(): Promise<CategoryIndex> {
    return this.index.get(async () => {
      const [categories, mahalleler] = await Promise.all([this.categories.listActive(), this.mahalleler.listActive()]);
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

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { Category } from '../categories/category.entity';
import { Mahalle } from '../neighbourhoods/mahalle.entity';
import { Categoriser, Suggestion } from './categoriser/categoriser';

// Categories change rarely (an admin edit); rebuilding the index a minute later is fine.
const REFRESH_MS = 60_000;

/** The pure categoriser, fed with the current categories and mahalleler. */
@Injectable()
export class CategoriserService {
  private categoriser?: Categoriser;
  private builtAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async suggest(text: string): Promise<Suggestion> {
    return (await this.current()).suggest(text);
  }

  /** The index, rebuilt first if stale. Call it outside a transaction: a rebuild reads from the pool. */
  async current(): Promise<Categoriser> {
    const now = this.clock.now().getTime();
    if (!this.categoriser || now - this.builtAt > REFRESH_MS) {
      const [categories, mahalleler] = await Promise.all([
        this.dataSource.getRepository(Category).findBy({ active: true }),
        this.dataSource.getRepository(Mahalle).findBy({ active: true }),
      ]);
      this.categoriser = new Categoriser(
        categories.map((c) => ({ id: c.id, name: c.name, keywords: c.keywords })),
        mahalleler.map((m) => ({ id: m.id, name: m.name })),
      );
      this.builtAt = now;
    }
    return this.categoriser;
  }
}

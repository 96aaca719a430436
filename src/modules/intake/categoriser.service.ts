import { Injectable, Logger } from '@nestjs/common';
import { ExpiringValue } from '@app/common';
import { CategoriesService, Category } from '../categories';
import { ClassifierModels, ModelSuggestion, Suggester } from '../classifier';
import { NeighbourhoodsService } from '../neighbourhoods';
import { Categoriser, Suggestion } from './categoriser/categoriser';

/** What intake records of a suggestion: the classifier's, or the keywords' before any model exists. */
export interface IntakeSuggestion extends Suggestion {
  modelVersion: number | null;
  top: ModelSuggestion['top'];
}

/** The active categories, and what suggests a category and a mahalle from them. */
export interface CategoryIndex {
  categoriser: Categoriser;
  categories: Map<string, Category>;
  suggest(text: string): IntakeSuggestion;
}

// Categories change rarely (an admin edit); rebuilding the index a minute later is fine.
const REFRESH_MS = 60_000;

@Injectable()
export class CategoriserService {
  private readonly logger = new Logger(CategoriserService.name);
  private readonly index = new ExpiringValue<{ categoriser: Categoriser; categories: Map<string, Category> }>(REFRESH_MS);
  private suggester: { suggester: Suggester; categories: Map<string, Category> } | null = null;

  constructor(
    private readonly categories: CategoriesService,
    private readonly mahalleler: NeighbourhoodsService,
    private readonly models: ClassifierModels,
  ) {}

  /** The index, rebuilt first if stale. Call it outside a transaction: a rebuild reads from the pool. */
  async current(): Promise<CategoryIndex> {
    const [{ categoriser, categories }, model] = await Promise.all([this.keywords(), this.models.current()]);
    if (model && (this.suggester?.suggester.version !== model.version || this.suggester.categories !== categories)) {
      this.suggester = { suggester: new Suggester(model.scorer, model.threshold, model.version, [...categories.values()]), categories };
    }
    const suggester = model && this.suggester ? this.suggester.suggester : null;
    return { categoriser, categories, suggest: (text) => this.suggest(categoriser, suggester, text) };
  }

  /**
   * The classifier decides the category once a model exists; until then (a fresh install's first
   * minutes) the keywords decide, as they always did. The mahalle is always found by name.
   */
  private suggest(categoriser: Categoriser, suggester: Suggester | null, text: string): IntakeSuggestion {
    if (!suggester) return { ...categoriser.suggest(text), modelVersion: null, top: [] };
    const mahalleId = categoriser.mahalleOf(text);
    try {
      const s = suggester.suggest(text);
      return {
        categoryId: s.categoryId,
        categoryScore: s.confidence,
        confident: s.confident,
        matched: [],
        mahalleId,
        modelVersion: s.modelVersion,
        top: s.top,
      };
    } catch (error) {
      // A message the classifier cannot read goes to triage; it never stops the batch.
      this.logger.error({ msg: 'classifier failed on a message; sent to triage', error: (error as Error).message });
      return { categoryId: null, categoryScore: 0, confident: false, matched: [], mahalleId, modelVersion: suggester.version, top: [] };
    }
  }

  private keywords() {
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

import { Injectable } from '@nestjs/common';
import { ExpiringValue } from '@app/common';
import { CategoriesService, Category } from '../categories';
import { ClassifierModels } from './classifier-models.service';
import { ModelSuggestion, Suggester } from './routing/suggester';

/** Suggestions for texts staff type, from the model this process has loaded. */
@Injectable()
export class ClassifierSuggestions {
  private readonly categories = new ExpiringValue<Category[]>(60_000);
  private suggester: Suggester | null = null;

  constructor(
    private readonly categoryList: CategoriesService,
    private readonly models: ClassifierModels,
  ) {}

  /** Null fields and no suggestions while no model has been trained yet. */
  async suggest(text: string): Promise<ModelSuggestion | { categoryId: null; confident: false; top: []; modelVersion: null }> {
    const [model, categories] = await Promise.all([this.models.current(), this.categories.get(() => this.categoryList.listActive())]);
    if (!model) return { categoryId: null, confident: false, top: [], modelVersion: null };
    if (this.suggester?.version !== model.version) this.suggester = new Suggester(model.scorer, model.threshold, model.version, categories);
    return this.suggester.suggest(text);
  }
}

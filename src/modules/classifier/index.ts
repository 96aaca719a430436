export { ClassifierModule } from './classifier.module';
export { ClassifierModels } from './classifier-models.service';
export type { LoadedModel } from './classifier-models.service';
export { Suggester } from './routing/suggester';
export type { ModelSuggestion } from './routing/suggester';

export { ClassifierModule } from './classifier.module';
export { ClassifierModels, LoadedModel } from './classifier-models.service';
export { ModelSuggestion, Suggester } from './routing/suggester';

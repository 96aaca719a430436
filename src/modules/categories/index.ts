export { CategoriesModule } from './categories.module';
export { CategoriesService } from './categories.service';
export { Category } from './category.entity';
export { Institution } from './institution.entity';
export { checkFieldValues, orderedFields } from './fields/category-field';
export type { CategoryField, FieldOption, FieldValue, FieldValues } from './fields/category-field';

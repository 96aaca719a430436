export { CategoriesModule } from './categories.module';
export { CategoriesService } from './categories.service';
export { Category } from './category.entity';
export { Institution } from './institution.entity';

import { CategoryPicker as DeskCategoryPicker } from '../desk';
import type { Category } from './types';

export interface CategoryPickerProps {
  categories: Category[];
  /** The search box's id and the choices' group id. */
  searchId: string;
  selectId: string;
  value: string;
  onChange: (id: string) => void;
  required?: boolean;
  error?: string | null;
  /** What the agent typed (subject and description): the classifier's suggestions read it. */
  text?: string;
}

/** The desk's safe picker (suggestions and search, nothing chosen for the agent) with the screens' ids. */
export function CategoryPicker({ categories, searchId, selectId, value, onChange, required, error, text }: CategoryPickerProps) {
  return (
    <DeskCategoryPicker
      prefix={selectId}
      searchId={searchId}
      groupId={selectId}
      categories={categories}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      required={required}
      error={error}
      text={text}
    />
  );
}

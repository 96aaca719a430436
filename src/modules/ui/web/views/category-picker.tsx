import { useState } from 'preact/hooks';
import { Field, Select } from '../components';
import { fold } from '../format';
import type { Category } from './types';

export interface CategoryPickerProps {
  categories: Category[];
  /** The search box's id and the select's id. */
  searchId: string;
  selectId: string;
  value: string;
  onChange: (id: string) => void;
  required?: boolean;
  error?: string | null;
}

/** A search box over the categories that ignores Turkish letters and case ("cop" finds "Çöp"), with a labelled select. */
export function CategoryPicker({ categories, searchId, selectId, value, onChange, required, error }: CategoryPickerProps) {
  const [needle, setNeedle] = useState('');
  const active = categories.filter((c) => c.active !== false);
  const matches = (c: Category) => !needle || fold(`${c.name} ${c.serviceCode} ${(c.keywords ?? []).join(' ')}`).includes(needle);
  const search = (text: string) => {
    const folded = fold(text);
    setNeedle(folded);
    const first = active.find((c) => !folded || fold(`${c.name} ${c.serviceCode} ${(c.keywords ?? []).join(' ')}`).includes(folded));
    if (first && folded) onChange(first.id);
  };
  return (
    <>
      <Field id={searchId} label="Konu ara (Türkçe harfsiz de yazılabilir)">
        <input type="search" autocomplete="off" onInput={(e) => search(e.currentTarget.value)} />
      </Field>
      <Field id={selectId} label="Konu" error={error}>
        <Select
          name="categoryId"
          required={required}
          empty="Konu seçin"
          value={value}
          onChange={onChange}
          options={active.map((c) => ({ value: c.id, label: c.name, hidden: !matches(c) }))}
        />
      </Field>
    </>
  );
}

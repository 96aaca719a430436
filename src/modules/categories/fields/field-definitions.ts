import { InvalidFieldException } from '@app/common';
import { FieldDatatype } from '@app/domain';
import { CategoryFieldDto } from '../dto/category-field.dto';
import { CategoryField, orderedFields } from './category-field';

const LISTS = new Set([FieldDatatype.SingleValueList, FieldDatatype.MultiValueList]);

/** An admin's field list made whole: unique codes, options only (and always) on list fields, defaults filled. */
export function normaliseFields(input: CategoryFieldDto[]): CategoryField[] {
  const seen = new Set<string>();
  const fields = input.map((f, i) => {
    if (seen.has(f.code)) throw new InvalidFieldException(`fields.${i}.code`, `fields.${i}.code: ${f.code} kodu iki kez kullanılmış`);
    seen.add(f.code);
    const options = f.options ?? [];
    if (LISTS.has(f.datatype) && !options.length) {
      throw new InvalidFieldException(`fields.${i}.options`, `fields.${i}.options: liste alanının en az bir seçeneği olmalı`);
    }
    if (!LISTS.has(f.datatype) && options.length) {
      throw new InvalidFieldException(`fields.${i}.options`, `fields.${i}.options: yalnızca liste alanlarının seçenekleri olur`);
    }
    if (new Set(options.map((o) => o.key)).size !== options.length) {
      throw new InvalidFieldException(`fields.${i}.options`, `fields.${i}.options: seçenek anahtarları tekrar etmemeli`);
    }
    return {
      code: f.code,
      label: f.label.trim(),
      datatype: f.datatype,
      required: f.required ?? false,
      options: options.map((o) => ({ key: o.key, name: o.name.trim() })),
      description: f.description?.trim() || null,
      order: f.order ?? i,
    };
  });
  return orderedFields(fields);
}

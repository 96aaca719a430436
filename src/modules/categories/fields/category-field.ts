import { InvalidFieldException } from '@app/common';
import { FieldDatatype } from '@app/domain';

/** One choice of a list field: its stable key and the name citizens see. */
export interface FieldOption {
  key: string;
  name: string;
}

/**
 * An extra field a category asks for (the plate of a parked car, the number of trees to prune).
 * Kept on the category as JSON; Open311 service definitions publish it as an attribute.
 */
export interface CategoryField {
  code: string;
  label: string;
  datatype: FieldDatatype;
  required: boolean;
  options: FieldOption[];
  description: string | null;
  order: number;
}

/** What a ticket keeps of its fields: text, a number, or the keys picked from a list. */
export type FieldValue = string | number | string[];
export type FieldValues = Record<string, FieldValue>;

export const FIELD_VALUE_MAX_CHARS = { [FieldDatatype.String]: 200, [FieldDatatype.Text]: 4000 } as const;
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;
// ISO 8601 date with an optional time and offset, as Open311 clients send it.
const DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Checks the values given for a category's fields and returns them in stored form, keyed by
 * field code. `prefix` names the request's field in errors (`attributes.` on our forms,
 * `attribute` for Open311's `attribute[code]`), so the 400 says which field is wrong.
 */
export function checkFieldValues(fields: CategoryField[], input: Record<string, unknown> | undefined, name: (code: string) => string): FieldValues {
  const given = input ?? {};
  const known = new Set(fields.map((f) => f.code));
  const unknown = Object.keys(given).find((code) => !known.has(code));
  if (unknown !== undefined) throw new InvalidFieldException(name(unknown), `${name(unknown)}: bu konu için böyle bir alan yok`);
  const values: FieldValues = {};
  for (const field of fields) {
    const value = checkOne(field, given[field.code], name(field.code));
    if (value !== null) values[field.code] = value;
  }
  return values;
}

function checkOne(field: CategoryField, raw: unknown, name: string): FieldValue | null {
  const list = (Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === '' ? [] : [raw]).map((v) => (typeof v === 'number' ? String(v) : v));
  if (list.some((v) => typeof v !== 'string')) throw new InvalidFieldException(name, `${name}: ${field.label} metin olarak gönderilmeli`);
  const texts = (list as string[]).map((v) => v.trim()).filter(Boolean);
  if (!texts.length) {
    if (field.required) throw new InvalidFieldException(name, `${name}: ${field.label} gerekli`);
    return null;
  }
  if (field.datatype !== FieldDatatype.MultiValueList && texts.length > 1) {
    throw new InvalidFieldException(name, `${name}: ${field.label} için tek bir değer verilmeli`);
  }
  const text = texts[0];
  switch (field.datatype) {
    case FieldDatatype.Number:
      if (!NUMBER.test(text)) throw new InvalidFieldException(name, `${name}: ${field.label} bir sayı olmalı`);
      return Number(text.replace(',', '.'));
    case FieldDatatype.Datetime:
      if (!DATETIME.test(text) || Number.isNaN(Date.parse(text))) {
        throw new InvalidFieldException(name, `${name}: ${field.label} 2026-12-06 veya 2026-12-06T14:30:00+03:00 biçiminde bir tarih olmalı`);
      }
      return text;
    case FieldDatatype.SingleValueList:
    case FieldDatatype.MultiValueList: {
      const keys = new Set(field.options.map((o) => o.key));
      const wrong = texts.find((t) => !keys.has(t));
      if (wrong !== undefined) {
        throw new InvalidFieldException(name, `${name}: ${field.label} şunlardan biri olmalı: ${field.options.map((o) => o.key).join(', ')}`);
      }
      return field.datatype === FieldDatatype.MultiValueList ? [...new Set(texts)] : text;
    }
    default: {
      const max = FIELD_VALUE_MAX_CHARS[field.datatype];
      if (text.length > max) throw new InvalidFieldException(name, `${name}: ${field.label} en fazla ${max} karakter olabilir`);
      return text;
    }
  }
}

/** The fields in the order the forms ask them. */
export const orderedFields = (fields: CategoryField[]): CategoryField[] => [...fields].sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));

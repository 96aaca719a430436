import { Field, Select } from '../../components';
import { CATEGORY_FIELDS_HINT, fieldsText, parseFieldsText } from './category-fields-text';
import type { FieldSpec, Row } from './sections';

export const YES_NO: [string, string][] = [
  ['true', 'Evet'],
  ['false', 'Hayır'],
];

/** An escalation contact as one line: "Ad | Unvan | e-posta | telefon". */
const contactLine = (c: Row) =>
  [c.name, c.title, c.email, c.phone]
    .map((v) => v ?? '')
    .join(' | ')
    .replace(/( \| )+$/, '');
function parseContacts(text: string): Row[] {
  return text
    .split('\n')
    .map((line) => line.split('|').map((s) => s.trim()))
    .filter((parts) => parts[0])
    .map(([name, title, email, phone]) => ({ name, ...(title ? { title } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) }));
}

/** The form's text of a row's value (the edit dialog starts from the row). */
export function textOf(spec: FieldSpec, value: unknown): string {
  const type = spec[2];
  if (value === null || value === undefined) return '';
  if (type === 'list' && Array.isArray(value)) return value.join(', ');
  if (type === 'contacts' && Array.isArray(value)) return (value as Row[]).map(contactLine).join('\n');
  if (type === 'fields' && Array.isArray(value)) return fieldsText(value as Row[]);
  return String(value);
}

/** The request body from the form's texts; `row` given (an edit), a cleared value is sent as null. */
export function bodyOf(fields: FieldSpec[], values: Record<string, string>, row?: Row): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const spec of fields) {
    const [name, , type] = spec;
    const value = (values[name] ?? '').trim();
    if (row && value === textOf(spec, row[name])) continue;
    if (!value) {
      if (row && type !== 'password') body[name] = type === 'list' || type === 'contacts' || type === 'fields' ? [] : null;
      continue;
    }
    body[name] =
      type === 'number'
        ? Number(value)
        : type === 'bool'
          ? value === 'true'
          : type === 'list'
            ? value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : type === 'contacts'
              ? parseContacts(value)
              : type === 'fields'
                ? parseFieldsText(value, (row?.[name] as Row[] | undefined) ?? [])
                : value;
  }
  return body;
}

/** Places a 400's field messages beside their inputs; what is left is returned for a toast. */
export function placeErrors(fields: FieldSpec[], details: { field: string; message: string }[] | undefined): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const d of details ?? []) {
    const root = d.field.split(/[.[]/)[0];
    if (fields.some(([name]) => name === root)) placed[root] = d.message;
  }
  return placed;
}

interface InputsProps {
  fields: FieldSpec[];
  prefix: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  set: (name: string) => (value: string) => void;
}

/** The inputs of a form: a select for options, a textarea for contacts, else an input. */
export function Inputs({ fields, prefix, values, errors, set }: InputsProps) {
  return (
    <>
      {fields.map(([name, label, type]) => (
        <Field
          key={name}
          id={`${prefix}-${name}`}
          label={label}
          error={errors[name]}
          hint={type === 'contacts' ? 'Her satıra bir kişi: Ad | Unvan | e-posta | telefon (+90…)' : type === 'fields' ? CATEGORY_FIELDS_HINT : undefined}
        >
          {Array.isArray(type) || type === 'bool' ? (
            <Select empty="Seçin" value={values[name] ?? ''} onChange={set(name)} options={type === 'bool' ? YES_NO : type} />
          ) : type === 'contacts' || type === 'fields' || type === 'text' ? (
            <textarea name={name} rows={4} value={values[name] ?? ''} onInput={(e) => set(name)(e.currentTarget.value)} />
          ) : (
            <input
              name={name}
              type={(type === 'list' || !type ? 'text' : type) as 'text'}
              autoComplete={type === 'password' ? 'new-password' : undefined}
              value={values[name] ?? ''}
              onInput={(e) => set(name)(e.currentTarget.value)}
            />
          )}
        </Field>
      ))}
    </>
  );
}

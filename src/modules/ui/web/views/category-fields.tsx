import { Field, Select } from '../components';
import type { CategoryField } from './types';

export type FieldInput = Record<string, string | string[]>;

/** The input id of a category field; the 400's `attributes.<code>` lands there. */
export const fieldInputId = (code: string) => `nt-attr-${code}`;

/** The extra fields the chosen category asks for (plate number, tree count…), as `attributes` of the new ticket. */
export function CategoryFields({
  fields,
  values,
  onChange,
  errors,
}: {
  fields: CategoryField[];
  values: FieldInput;
  onChange: (v: FieldInput) => void;
  errors: Record<string, string>;
}) {
  const set = (code: string, value: string | string[]) => onChange({ ...values, [code]: value });
  return (
    <>
      {fields.map((f) => {
        const id = fieldInputId(f.code);
        const label = f.required ? `${f.label} *` : f.label;
        const value = values[f.code] ?? (f.datatype === 'multivaluelist' ? [] : '');
        if (f.datatype === 'multivaluelist') {
          const picked = value as string[];
          return (
            <fieldset key={f.code} id={id}>
              <legend>{label}</legend>
              {f.options.map((o) => (
                <label key={o.key}>
                  <input
                    type="checkbox"
                    checked={picked.includes(o.key)}
                    onChange={(e) => set(f.code, (e.target as HTMLInputElement).checked ? [...picked, o.key] : picked.filter((k) => k !== o.key))}
                  />{' '}
                  {o.name}
                </label>
              ))}
              <p class="error" role="alert" hidden={!errors[id]}>
                {errors[id] ?? ''}
              </p>
            </fieldset>
          );
        }
        return (
          <Field key={f.code} id={id} label={label} hint={f.description ?? undefined} error={errors[id]}>
            {f.datatype === 'singlevaluelist' ? (
              <Select empty="Seçin" value={value as string} onChange={(v) => set(f.code, v)} options={f.options.map((o) => [o.key, o.name])} />
            ) : f.datatype === 'text' ? (
              <textarea rows={3} value={value as string} onInput={(e) => set(f.code, (e.target as HTMLTextAreaElement).value)} />
            ) : f.datatype === 'datetime' ? (
              <input type="datetime-local" value={value as string} onInput={(e) => set(f.code, (e.target as HTMLInputElement).value)} />
            ) : (
              <input
                type="text"
                inputMode={f.datatype === 'number' ? 'decimal' : undefined}
                value={value as string}
                onInput={(e) => set(f.code, (e.target as HTMLInputElement).value)}
              />
            )}
          </Field>
        );
      })}
    </>
  );
}

/** What goes to the API: filled values only. */
export const filledFields = (values: FieldInput): FieldInput =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v.trim() !== '')));

/** The props binding a text input of an incident form to its field and its error. */
export function textField<F extends Record<K, unknown>, K extends string>(form: F, setForm: (next: F) => void, errors: Record<string, string>, key: K) {
  return {
    value: form[key] as string,
    'aria-invalid': errors[key] ? ('true' as const) : ('false' as const),
    onInput: (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value }),
  };
}

/** `[value, label]`, or an object when an option is to be hidden (e.g. filtered out by a search). */
export type SelectOption = readonly [string, string] | { value: string; label: string; hidden?: boolean };

export interface SelectProps {
  id?: string;
  name?: string;
  options: readonly SelectOption[];
  /** Controlled when given; otherwise the browser keeps the choice. */
  value?: string;
  /** A first option with the value '' and this text (e.g. "Tümü", "Seçin"). */
  empty?: string;
  onChange?: (value: string) => void;
  required?: boolean;
  disabled?: boolean;
  class?: string;
  /** aria-label, aria-describedby (set by Field), data-… */
  [attribute: `aria-${string}` | `data-${string}`]: string | undefined;
}

/** A select over `[value, label]` pairs; `onChange` gets the chosen value. */
export function Select({ id, options, value, empty, onChange, name, ...rest }: SelectProps) {
  return (
    <select id={id} name={name ?? id} value={value} onChange={(event) => onChange?.((event.currentTarget as HTMLSelectElement).value)} {...rest}>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {options.map((o) => {
        const [v, label, hidden] = Array.isArray(o)
          ? [o[0], o[1], false]
          : [(o as { value: string }).value, (o as { label: string }).label, !!(o as { hidden?: boolean }).hidden];
        return (
          <option key={v} value={v} hidden={hidden} selected={value === undefined ? undefined : v === value}>
            {label}
          </option>
        );
      })}
    </select>
  );
}

/** `Record<value, label>` (e.g. CHANNEL_LABELS) as options, optionally only some keys in their order. */
export function optionsOf<K extends string>(labels: Record<K, string> | Partial<Record<K, string>>, keys?: readonly K[]): [string, string][] {
  return (keys ?? (Object.keys(labels) as K[])).map((k) => [k, labels[k] ?? k]);
}

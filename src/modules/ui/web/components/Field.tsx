import { cloneElement, type ComponentChildren, type VNode } from 'preact';

export interface FieldProps {
  /** The input's id; the error element is `${id}-error`, the hint `${id}-hint`. */
  id: string;
  label: ComponentChildren;
  hint?: string;
  /** The message shown under the input (role=alert); the input gets aria-invalid. */
  error?: string | null;
  class?: string;
  hidden?: boolean;
  /** One input, select or textarea: its id, aria-describedby and aria-invalid are set here. */
  children: VNode;
}

/** A labelled field with a place for its error message, linked for screen readers. */
export function Field({ id, label, hint, error, class: cls, hidden, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  const input = cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': error ? 'true' : 'false' });
  return (
    <div class={cls ? `field ${cls}` : 'field'} hidden={hidden}>
      <label for={id}>{label}</label>
      {input}
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <p class="error" id={`${id}-error`} role="alert" hidden={!error}>
        {error ?? ''}
      </p>
    </div>
  );
}

/**
 * The 400's field messages placed on the form's inputs: `map` turns a server field
 * (`citizen.phone`) into an input id (`nt-phone`); fields without an input are returned apart.
 */
export function fieldErrors(
  details: { field: string; message: string }[],
  map: (field: string) => string | undefined,
): { byId: Record<string, string>; unplaced: string[] } {
  const byId: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const d of details) {
    const id = map(d.field);
    if (id) byId[id] = d.message;
    else unplaced.push(d.message);
  }
  return { byId, unplaced };
}

// append-field (multer's own) ships no types: it sets `store[key]` with `a[b]` / `a[]` names nested.
declare module 'append-field' {
  export default function appendField(store: object, key: string, value: unknown): void;
}

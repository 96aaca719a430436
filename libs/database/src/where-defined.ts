/**
 * A `where` of the filters a request gave. TypeORM refuses `undefined` in a `where` object, and
 * an optional filter left out of a query string arrives as exactly that.
 */
export function whereDefined<T extends object>(filters: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

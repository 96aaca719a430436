/**
 * Reference data (categories, departments, rules) read on every ticket but edited rarely: kept
 * for `ttlMs` of real, monotonic time, dropped at once by `invalidate()` after a local edit.
 * Another process sees an edit within `ttlMs`. A failed load is not kept.
 */
export class ExpiringValue<T> {
  private value?: Promise<T>;
  private loadedAt = 0;

  constructor(private readonly ttlMs: number) {}

  get(load: () => Promise<T>): Promise<T> {
    if (!this.value || performance.now() - this.loadedAt > this.ttlMs) {
      this.loadedAt = performance.now();
      const loading = load();
      this.value = loading;
      loading.catch(() => {
        if (this.value === loading) this.value = undefined;
      });
    }
    return this.value;
  }

  invalidate(): void {
    this.value = undefined;
  }
}

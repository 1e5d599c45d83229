/**
 * A pure function of a string, remembered by its argument, with a cap on what it remembers.
 * The language server reads every edit of every document for as long as it runs, so texts seen
 * once (a half-typed path, a generated key) would otherwise stay for the life of the process.
 * At the cap the whole memo is emptied rather than trimmed: the entries still in use come back
 * on their next read, and there is no bookkeeping on the hot path to decide what to keep.
 * `compute` must not return undefined: that is how a miss is told from a hit.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly limit: number,
    private readonly compute: (key: string) => V,
  ) {}

  /** The remembered value for `key`, computed (and remembered) when there is none. */
  get(key: string): V {
    const known = this.entries.get(key);
    if (known !== undefined) return known;
    const value = this.compute(key);
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * A map bounded to `capacity` entries that keeps the most recently used: a hit moves its entry to the back,
 * and an insert past capacity drops the oldest, handing it to `evict` (which releases what it holds, e.g. a
 * native plugin's handle). Native and partitioned sessions keep their per-shape plans in one.
 */
export class LruCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly capacity: number, private readonly evict: (value: V) => void) {}

  get size(): number {
    return this.map.size;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** The value for `key` (now the most recently used), or undefined when there is none. */
  get(key: K): V | undefined {
    if (!this.map.has(key)) return undefined;
    const value = this.map.get(key)!;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value!;
      const dropped = this.map.get(oldest)!;
      this.map.delete(oldest);
      this.evict(dropped);
    }
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }

  /** Evicts every entry. */
  clear(): void {
    for (const value of this.map.values()) this.evict(value);
    this.map.clear();
  }
}

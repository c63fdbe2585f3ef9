/**
 * A small least-recently-used map: the caches of layouts and rule instances keep the shapes in
 * use and forget the rest, so a long session (or a crafted stream of shapes) cannot grow the heap.
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();

  /** A map that keeps at most `capacity` entries. */
  constructor(readonly capacity: number) {}

  /** The value of a key, which becomes the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // a Map iterates in insertion order: moving the key to the end marks it the newest
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Sets a key as the most recently used, forgetting the least recently used past capacity. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** How many entries are kept. */
  get size(): number {
    return this.entries.size;
  }
}

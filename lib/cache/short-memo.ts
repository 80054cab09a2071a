/**
 * Keeps the answers of a read for a few seconds, keyed by its arguments: on a flood day thousands
 * of people open the same few list pages, and each would otherwise run the same queries again.
 * A failed read is not kept. The oldest entries go first when `maxEntries` is reached.
 */
export function shortMemo<A extends unknown[], T>(
  read: (...args: A) => Promise<T>,
  options: { ttlMs: number; maxEntries: number; key: (...args: A) => string; now?: () => number },
): (...args: A) => Promise<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  const now = options.now ?? Date.now;
  return (...args: A) => {
    const key = options.key(...args);
    const at = now();
    const hit = entries.get(key);
    if (hit && at - hit.at < options.ttlMs) return hit.value;
    entries.delete(key);
    if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!);
    const value = read(...args);
    entries.set(key, { at, value });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  };
}

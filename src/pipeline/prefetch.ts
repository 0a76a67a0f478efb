import pLimit from 'p-limit';

/** Reads in flight at once: enough to hide a disk's or a network mount's latency, few enough to stay cheap. */
export const IO_CONCURRENCY = 8;
/** How far ahead of the consumer reads may run; bounds the memory that read-ahead holds. */
const WINDOW = 32;

/**
 * `read(item)` for each item, in order, with up to IO_CONCURRENCY reads running ahead of the consumer
 * (p-limit) and at most WINDOW results waiting. `read` returns what to hand on: small inputs read whole,
 * a big one as a stream to consume in place.
 */
export async function* prefetched<T, R>(items: readonly T[], read: (item: T) => Promise<R>): AsyncGenerator<R> {
  const limit = pLimit(IO_CONCURRENCY);
  const ahead: Promise<R>[] = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && ahead.length < WINDOW) {
      const item = items[next++]!;
      ahead.push(limit(() => read(item)));
    }
  };
  fill();
  while (ahead.length > 0) {
    const result = await ahead.shift()!;
    fill();
    yield result;
  }
}

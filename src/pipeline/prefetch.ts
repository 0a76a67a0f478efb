import pLimit from 'p-limit';

/** Reads in flight at once: enough to hide a disk's or a network mount's latency, few enough to stay cheap. */
export const IO_CONCURRENCY = 8;
/** How far ahead of the consumer reads may run; bounds the memory that read-ahead holds. */
export const WINDOW = 32;

/**
 * `read(item)` for each item, in order, with up to IO_CONCURRENCY reads running ahead of the consumer
 * (p-limit) and at most WINDOW results waiting. `read` returns what to hand on: small inputs read whole,
 * a big one as a stream to consume in place. The items are taken from their source only as the window
 * needs them, so a walk of a big folder is never held whole.
 */
export async function* prefetched<T, R>(items: AsyncIterable<T> | Iterable<T>, read: (item: T) => Promise<R>): AsyncGenerator<R> {
  const limit = pLimit(IO_CONCURRENCY);
  const source = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  const ahead: Promise<R>[] = [];
  let done = false;
  const fill = async () => {
    while (!done && ahead.length < WINDOW) {
      const next = await source.next();
      if (next.done) done = true;
      else {
        const item = next.value;
        ahead.push(limit(() => read(item)));
      }
    }
  };
  await fill();
  while (ahead.length > 0) {
    const result = await ahead.shift()!;
    await fill();
    yield result;
  }
}

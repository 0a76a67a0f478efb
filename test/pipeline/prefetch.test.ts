import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { IO_CONCURRENCY, prefetched, WINDOW } from '../../src/pipeline/prefetch.js';

describe('prefetched', () => {
  it('gives every result in order, with a bounded number of reads in flight', async () => {
    let running = 0;
    let most = 0;
    const read = async (n: number) => {
      most = Math.max(most, ++running);
      await sleep(n % 3); // later items may finish first
      running--;
      return n * 10;
    };
    const out: number[] = [];
    for await (const r of prefetched(Array.from({ length: 100 }, (_, i) => i), read)) out.push(r);
    expect(out).toEqual(Array.from({ length: 100 }, (_, i) => i * 10));
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(IO_CONCURRENCY);
  });

  it('takes items from an async source only as the window needs them', async () => {
    let taken = 0;
    async function* source() {
      for (let i = 0; i < 500; i++) {
        taken++;
        yield i;
      }
    }
    let consumed = 0;
    let mostAhead = 0;
    for await (const r of prefetched(source(), async (n: number) => n + 1)) {
      expect(r).toBe(++consumed);
      mostAhead = Math.max(mostAhead, taken - consumed);
    }
    expect(consumed).toBe(500);
    expect(mostAhead).toBeLessThanOrEqual(WINDOW);
  });
});

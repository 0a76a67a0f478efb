import { describe, expect, it } from 'vitest';
import { GROUP, groupedRuns } from '../../src/pipeline/pool.js';
import type { ExtractResult, ExtractTask } from '../../src/pipeline/tasks.js';

const task = (n: number): ExtractTask => ({ kind: 'stored', doc: { id: `a${n}`, source: `s${n}`, format: 'txt', url: null, text: `text ${n}`, meta: {} } });
const fault = (t: ExtractTask): ExtractResult => ({ ok: false, fault: { source: t.kind === 'stored' ? t.doc.source : '', record: null, reason: 'echo' } });

describe('groupedRuns', () => {
  it('sends tasks pushed together in groups of GROUP and gives each its own result', async () => {
    const sizes: number[] = [];
    const { run } = groupedRuns(async (tasks) => {
      sizes.push(tasks.length);
      return tasks.map(fault);
    });
    const results = await Promise.all(Array.from({ length: 2 * GROUP + 3 }, (_, i) => run(task(i))));
    expect(sizes).toEqual([GROUP, GROUP, 3]);
    expect(results.map((r) => (r.ok ? '' : r.fault.source))).toEqual(Array.from({ length: 2 * GROUP + 3 }, (_, i) => `s${i}`));
  });

  it('sends a group smaller than GROUP when the caller waits on something else', async () => {
    const sizes: number[] = [];
    const { run } = groupedRuns(async (tasks) => {
      sizes.push(tasks.length);
      return tasks.map(fault);
    });
    const first = run(task(1));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await Promise.all([first, run(task(2))]);
    expect(sizes).toEqual([1, 1]);
  });

  it('holds a small group back while `capacity` groups are out, and sends it when one comes back', async () => {
    const sizes: number[] = [];
    const release: (() => void)[] = [];
    const { run } = groupedRuns(async (tasks) => {
      sizes.push(tasks.length);
      await new Promise<void>((resolve) => release.push(resolve));
      return tasks.map(fault);
    }, 1);
    const first = run(task(0));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(sizes).toEqual([1]);
    // The only slot is taken: these wait, though the caller yields, and go together.
    const more = [1, 2, 3].map((i) => run(task(i)));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(sizes).toEqual([1]);
    release.shift()!();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(sizes).toEqual([1, 3]);
    release.shift()!();
    expect((await Promise.all(more)).map((r) => (r.ok ? '' : r.fault.source))).toEqual(['s1', 's2', 's3']);
  });
});

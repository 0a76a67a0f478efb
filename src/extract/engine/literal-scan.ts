/**
 * Finds which of a fixed set of strings occur in a text, all of them in one pass over it (Aho–Corasick):
 * the rules' required literals (required-literals.ts) are looked for once per sentence instead of once per
 * rule, literal and sentence with `includes`.
 */
export class LiteralScanner {
  /** Per state, its transitions by UTF-16 code unit. State 0 is the root. */
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Per state, the ids of the literals that end there (its own and those of its failure chain), or null. */
  private readonly found: (number[] | null)[] = [null];

  constructor(literals: readonly string[]) {
    literals.forEach((literal, id) => {
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const c = literal.charCodeAt(i);
        let to = this.next[state]!.get(c);
        if (to === undefined) {
          to = this.next.push(new Map()) - 1;
          this.fail.push(0);
          this.found.push(null);
          this.next[state]!.set(c, to);
        }
        state = to;
      }
      (this.found[state] ??= []).push(id);
    });
    this.linkFailures();
  }

  /** Calls `see` with the id of every literal found in `text` (once per occurrence). */
  scan(text: string, see: (id: number) => void): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = this.next[state]!.get(c);
      while (to === undefined && state !== 0) {
        state = this.fail[state]!;
        to = this.next[state]!.get(c);
      }
      state = to ?? 0;
      const ids = this.found[state];
      if (ids) for (const id of ids) see(id);
    }
  }

  /** Breadth first: a state's failure is the longest proper suffix of its string that is also a prefix of a literal. */
  private linkFailures(): void {
    const queue = [...this.next[0]!.values()];
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q]!;
      for (const [c, to] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const target = this.next[f]!.get(c);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        const inherited = this.found[this.fail[to]!];
        if (inherited) this.found[to] = [...(this.found[to] ?? []), ...inherited];
        queue.push(to);
      }
    }
  }
}

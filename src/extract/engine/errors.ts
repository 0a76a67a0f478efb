/** A rule or lexicon file that cannot be used; the message names the file and, where known, the line. */
export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    /** What is wrong, without the place. */
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}${line != null ? `:${line}` : ''}: ${detail}`, options);
    this.name = 'RuleFileError';
  }
}

// Whitespace that is not one plain space: a run, a tab, a line break, a no-break space. Replacing every lone
// space too made a match object per word of a page.
const NOT_ONE_SPACE = / \s+|[^\S ]\s*/g;

/** Runs of whitespace (including no-break spaces and line breaks) to one space. */
export function foldWhitespace(text: string): string {
  return text.replace(NOT_ONE_SPACE, ' ');
}

/** Runs of whitespace (including no-break spaces and line breaks) to one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return foldWhitespace(text).trim();
}

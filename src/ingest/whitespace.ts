/** Runs of whitespace (including no-break spaces and line breaks) to one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

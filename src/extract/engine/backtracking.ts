import { analyse } from 'scslre';

/** How much of a quantifier's text a report quotes: expanded macros make some of them kilobytes long. */
const QUOTE_MAX = 80;

const quote = (q: string): string => (q.length > QUOTE_MAX ? `${q.slice(0, QUOTE_MAX)}…` : q);

/**
 * The quantifiers of a regex that can backtrack exponentially, as `(a+)+$`
 * does: a static analysis (scslre) of the regex as the matcher runs it, with
 * lookarounds and word boundaries. Its polynomial findings are left out: they
 * come from `\s*` next to `\s+` and the like, harmless on sentences of
 * normalized text, while an exponential one hangs the run on a single line.
 */
export function exponentialQuantifiers(source: string, flags: string): string[] {
  const { reports } = analyse({ source, flags: flags.replace(/[gdy]/g, '') }, { reportTypes: { Move: false } });
  const quantifiers = reports
    .filter((r) => r.exponential)
    // A Self report is a quantifier repeated by the one around it (`a+` in `(a+)+`): the outer one is the culprit.
    .map((r) => (r.type === 'Trade' ? `${quote(r.startQuant.raw)}…${quote(r.endQuant.raw)}` : quote(r.type === 'Self' ? r.parentQuant.raw : r.quant.raw)));
  return [...new Set(quantifiers)];
}

import { createHash } from 'node:crypto';
import { exponentialQuantifiers } from './backtracking.js';
import { manifestOf, type RuleSetManifest } from './manifest.js';
import type { RuleSet } from './ruleset.js';

/**
 * What a run must know of a rule set before it reads anything: that no pattern can backtrack
 * exponentially, and the manifest that identifies the rule set. It is worked out where the rules are
 * compiled anyway (a worker thread of the pool), so that the run's own thread neither compiles the rules
 * nor analyses their patterns: on its small heap that took it 2 s of a fresh run's start.
 */
export interface RuleSetVerdict {
  manifest: RuleSetManifest;
  /** The first risk found, as a message naming the rule's file and line; null when there is none. */
  risk: string | null;
  /** Hashes (patternHash) of the patterns found safe by this analysis. */
  safe: string[];
}

/** The verdict on `rs`; patterns whose hash is in `knownSafe` were found safe before and are not analysed again. */
export function judgeRuleSet(rs: RuleSet, knownSafe: ReadonlySet<string>, code: string): RuleSetVerdict {
  return { manifest: manifestOf(rs, code), ...analyse(rs, knownSafe) };
}

/** The first risk among the patterns not known safe, and the hashes of those found safe before it. */
function analyse(rs: RuleSet, knownSafe: ReadonlySet<string>): Pick<RuleSetVerdict, 'risk' | 'safe'> {
  const safe: string[] = [];
  for (const r of rs.rules) {
    for (const re of [r.regex, ...(r.requires ? [r.requires] : [])]) {
      const hash = patternHash(re);
      if (knownSafe.has(hash)) continue;
      const risky = exponentialQuantifiers(re.source, re.flags);
      if (risky.length > 0) return { risk: `${r.file}:${r.line}: rule ${r.id} can backtrack exponentially at \`${risky[0]}\` (thidua rules check lists every risk)`, safe };
      safe.push(hash);
    }
  }
  return { risk: null, safe };
}

/** A compiled pattern's identity: its flags and source. */
export function patternHash(re: RegExp): string {
  return createHash('sha256').update(`${re.flags}/${re.source}`).digest('hex').slice(0, 32);
}

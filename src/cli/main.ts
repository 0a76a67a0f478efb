#!/usr/bin/env node
// The command line. The regex flag (native-regexps.ts) is set before any other module of ours or of a
// dependency is loaded: the commands come in by a dynamic import after it. With static imports, a change
// that loaded fewer modules at start made V8 crash (SIGSEGV) on the first command run.
import './native-regexps.js';

await import('./commands.js');

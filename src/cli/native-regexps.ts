/**
 * V8 starts a regex in its bytecode interpreter and compiles it to machine code once it has run, but it
 * left our expanded rules (tens of KB each) interpreted: matching ran about 2.5× slower. This turns
 * tier-up off so that every regex is compiled to machine code at its first use. It must run first thing
 * in the process: V8 flags are process-wide (worker threads share them), and changing this one after
 * regexes have run crashed V8 in a test process. So the command line imports it before anything else;
 * library users who want the speed start node with --no-regexp-tier-up.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');

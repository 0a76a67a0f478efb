/** The bench's command line. */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  textSizes: number[];
  htmlSizes: number[];
  dir: string;
  seed: number;
  /** Generated pages timed against Readability (the real fixture pages are added to them). */
  htmlSample: number;
  killTest: boolean;
  out: string;
}

export const USAGE = `npm run bench -- [options]
  --size N          one size for both the text and the HTML corpus (e.g. 500, 10k)
  --text LIST       text corpus sizes, comma-separated (default 10k,100k)
  --html LIST       HTML corpus sizes (default 10k; "none" for none)
  --html-100k       add the 100k HTML corpus (about 6 GB, long to generate and run)
  --dir DIR         where corpora and databases go (default /tmp/thidua-bench)
  --seed N          generator seed (default 20240601)
  --html-sample N   generated pages timed against Readability (default 2000)
  --no-kill         skip the kill -9 test (run by default on the 10k text corpus, else the smallest)
  --out FILE        figures as JSON (default out/bench.json)`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string' },
      text: { type: 'string', default: '10k,100k' },
      html: { type: 'string', default: '10k' },
      'html-100k': { type: 'boolean', default: false },
      dir: { type: 'string', default: '/tmp/thidua-bench' },
      seed: { type: 'string', default: '20240601' },
      'html-sample': { type: 'string', default: '2000' },
      'no-kill': { type: 'boolean', default: false },
      out: { type: 'string', default: 'out/bench.json' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  const htmlSizes = values.size ? [parseSize(values.size)] : parseSizes(values.html);
  if (values['html-100k'] && !htmlSizes.includes(100_000)) htmlSizes.push(100_000);
  return {
    textSizes: values.size ? [parseSize(values.size)] : parseSizes(values.text),
    htmlSizes,
    dir: values.dir,
    seed: parseCount(values.seed, '--seed'),
    htmlSample: parseCount(values['html-sample'], '--html-sample'),
    killTest: !values['no-kill'],
    out: values.out,
  };
}

function parseSizes(list: string): number[] {
  return list === 'none' ? [] : list.split(',').map(parseSize);
}

/** "500", "10k", "100k". */
function parseSize(text: string): number {
  const match = /^(\d+)(k?)$/i.exec(text.trim());
  if (!match || Number(match[1]) === 0) throw new Error(`not a corpus size: "${text}" (e.g. 500, 10k, 100k)`);
  return Number(match[1]) * (match[2] ? 1000 : 1);
}

function parseCount(text: string, option: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${option} wants a whole number, not "${text}"`);
  return n;
}

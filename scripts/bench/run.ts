// `npm run bench`: builds the bench build (dist-bench/: the app with its bench mode, and the bare page), serves it, measures the bare page against the app, writes bench/results/.
//   tsx scripts/bench/run.ts [--runs 3] [--n 1000,10000] [--big] [--anim-ms 8000] [--runs-big R] [--picks 50] [--picks-big 5] [--skip-build]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { measureImports } from './import-run.ts';
import { measureTable } from './table-run.ts';
import { measurePage } from './page-run.ts';
import { describeMachine, renderMarkdown } from './report.ts';
import { checkBudgets, summarize, summarizeImports, tableBudget } from './summary.ts';
import type { ImportBenchResult, PageKind, PageRunResult, TableBenchResult } from './types.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS = path.join(ROOT, 'bench/results');

const HELP = `usage: tsx scripts/bench/run.ts [options]
  --runs R        runs per page and N, and per import mode and row count (default 3)
  --runs-big R    runs per page for N > 10,000 (default: --runs; a run there takes minutes)
  --n LIST        comma-separated N (default 1000,10000)
  --big           also N = 100000 and 1000000, and an import of 1000000 rows
  --anim-ms MS    length of __bench.animate (default 8000; software WebGL draws only a few frames a second)
  --picks K       positions for __bench.pick and __bench.hover (default 50; 0 skips both)
  --picks-big K   the same for N > 10,000 (default 5: each one waits for a software-rendered frame of seconds)
  --table-rows N  rows imported with the table open, then sorted there (default 1000000; 0 skips)
  --xlsx-rows N   rows imported as .xlsx and as CSV (default 100000; 0 skips)
  --skip-build    measure the dist-bench/ that is there instead of running \`npx vite build --mode bench\``;

/** Command-line options of the harness. */
interface Options {
  runs: number;
  runsBig: number | null;
  ns: number[];
  big: boolean;
  animMs: number;
  picks: number;
  picksBig: number;
  skipBuild: boolean;
  tableRows: number;
  xlsxRows: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    runs: 3,
    runsBig: null,
    ns: [1000, 10_000],
    big: false,
    animMs: 8000,
    picks: 50,
    picksBig: 5,
    skipBuild: false,
    tableRows: 1_000_000,
    xlsxRows: 100_000,
  };
  const int = (flag: string, text: string | undefined, min: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min)
      throw new Error(`${flag} needs an integer ≥ ${min}, got ${text ?? 'nothing'}`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    // Both "--runs 3" and "--runs=3".
    const [name, inline] = flag.includes('=')
      ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)]
      : [flag, undefined];
    const value = () => inline ?? argv[++i];
    switch (name) {
      case '--runs':
        options.runs = int(name, value(), 1);
        break;
      case '--runs-big':
        options.runsBig = int(name, value(), 1);
        break;
      case '--n':
        options.ns = (value() ?? '').split(',').map((x) => int(name, x.trim(), 0));
        break;
      case '--big':
        options.big = true;
        break;
      case '--anim-ms':
        options.animMs = int(name, value(), 0);
        break;
      case '--picks':
        options.picks = int(name, value(), 0);
        break;
      case '--picks-big':
        options.picksBig = int(name, value(), 0);
        break;
      case '--table-rows':
        options.tableRows = int(name, value(), 0);
        break;
      case '--xlsx-rows':
        options.xlsxRows = int(name, value(), 0);
        break;
      case '--skip-build':
        options.skipBuild = true;
        break;
      case '-h':
      case '--help':
        console.log(HELP);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${flag}\n${HELP}`);
    }
  }
  if (options.big) options.ns.push(100_000, 1_000_000);
  options.ns = [...new Set(options.ns)];
  return options;
}

const log = (message: string) => console.error(`[bench] ${message}`);

/** Runs `command` in the project, its output on stderr so that stdout carries only the report. */
async function run(command: string, args: string[]): Promise<void> {
  log(`${command} ${args.join(' ')} …`);
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 2, 2] });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit code ${code})`);
}

/**
 * The data (a fresh clone has no `public/geo/` or `public/data/`: they are generated) and then
 * `npx vite build --mode bench` into dist-bench/ (the production build has no bench code or page),
 * without `npm run build`'s type check, which is slow and says nothing about speed.
 */
async function build(): Promise<void> {
  await run('npm', ['run', '--silent', 'data']);
  await run('npx', ['vite', 'build', '--mode', 'bench']);
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (!options.skipBuild) await build();
  const expected = [
    ['dist-bench/index.html', 'the build did not produce the app'],
    [
      'dist-bench/bench/bare/index.html',
      'the build did not produce the bare reference page: is bench/bare/index.html an input of the bench mode in vite.config.ts?',
    ],
    [
      'dist-bench/geo/region.topo.json',
      'the geodata is generated by `npm run data` (with --skip-build, run it and `npx vite build --mode bench` first)',
    ],
    [
      'dist-bench/data/atlas.json',
      'the atlas data is generated by `npm run data` (with --skip-build, run it and `npx vite build --mode bench` first)',
    ],
  ] as const;
  for (const [file, why] of expected) {
    if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: ${why}`);
  }

  const server = await preview({
    root: ROOT,
    build: { outDir: 'dist-bench' },
    preview: { host: '127.0.0.1', port: 0 },
    logLevel: 'warn',
  });
  const runs: PageRunResult[] = [];
  let importResult: ImportBenchResult;
  let tableResult: TableBenchResult;
  const importRows = options.big ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];
  try {
    const baseUrl = server.resolvedUrls?.local[0];
    if (!baseUrl) throw new Error('vite preview did not report a URL');
    log(`serving dist-bench/ at ${baseUrl}`);
    for (const n of options.ns) {
      const runCount = n > 10_000 ? (options.runsBig ?? options.runs) : options.runs;
      for (let run = 1; run <= runCount; run++) {
        // Interleaved and alternated, so that drift (thermal, caches of the OS) hits both pages alike.
        const order: PageKind[] = run % 2 === 1 ? ['bare', 'app'] : ['app', 'bare'];
        for (const page of order) {
          runs.push(
            await measurePage({
              baseUrl,
              page,
              n,
              run,
              animMs: options.animMs,
              picks: n > 10_000 ? options.picksBig : options.picks,
              log,
            }),
          );
        }
      }
    }
    importResult = await measureImports({ baseUrl, rows: importRows, runs: options.runs, log });
    tableResult = await measureTable({ baseUrl, tableRows: options.tableRows, xlsxRows: options.xlsxRows, log });
  } finally {
    await server.close();
  }

  const summaries = summarize(runs, options.ns);
  const imports = summarizeImports(importResult, importRows);
  const budgets = [...checkBudgets(summaries, imports, importResult), tableBudget(tableResult)];
  const date = new Date();
  const machine = describeMachine(runs);
  const command = `tsx scripts/bench/run.ts ${process.argv.slice(2).join(' ')}`.trim();
  const markdown = renderMarkdown({
    date: date.toISOString(),
    machine,
    command,
    summaries,
    imports,
    importResult,
    budgets,
    runs,
    tableResult,
  });

  fs.mkdirSync(RESULTS, { recursive: true });
  const stamp = date.toISOString().replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(RESULTS, `${stamp}.md`), markdown);
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), markdown);
  const json = {
    date: date.toISOString(),
    command,
    options,
    machine,
    budgets,
    summaries,
    imports,
    importResult,
    tableResult,
    runs,
  };
  fs.writeFileSync(path.join(RESULTS, `${stamp}.json`), `${JSON.stringify(json, null, 2)}\n`);
  console.log(markdown);
  log(`wrote bench/results/${stamp}.md, bench/results/${stamp}.json and bench/results/latest.md`);

  const failed = runs.filter((r) => !r.ok).length + (importResult?.ok ? 0 : 1) + (tableResult.ok ? 0 : 1);
  if (failed) log(`${failed} run(s) failed: see the report`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

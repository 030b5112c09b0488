// Renders the benchmark's Markdown report: machine, result tables, budgets, import figures, notes.
import os from 'node:os';
import type { BudgetRow, ImportSummary, Metric, NSummary, PageSummary } from './summary.ts';
import { INTERACTION_METRICS, LOAD_METRICS } from './summary.ts';
import type { ImportBenchResult, PageRunResult, TableBenchResult } from './types.ts';
import { traced } from './trace-tasks.ts';

/** The machine the numbers come from: without it they cannot be compared with anything. */
export interface Machine {
  cpuModel: string;
  cpuCount: number;
  totalMemoryGiB: number;
  node: string;
  chromium: string | null;
  userAgent: string | null;
  webglRenderer: string | null;
  platform: string;
}

/** Describes this machine; the browser fields come from the first run that reported them. */
export function describeMachine(runs: PageRunResult[]): Machine {
  const cpus = os.cpus();
  const first = runs.find((r) => r.renderer) ?? runs.find((r) => r.chromium);
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium: first?.chromium ?? null,
    userAgent: first?.userAgent ?? null,
    webglRenderer: first?.renderer ?? null,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

/** Everything the report shows. */
export interface ReportInput {
  date: string;
  machine: Machine;
  command: string;
  summaries: NSummary[];
  imports: ImportSummary[];
  importResult: ImportBenchResult | null;
  budgets: BudgetRow[];
  runs: PageRunResult[];
  tableResult?: TableBenchResult;
}

/** Compact numbers: integers from 100 up, one decimal below, two significant digits under 1. */
export function fmt(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en');
  if (Math.abs(value) < 1 && value !== 0) return String(Number(value.toPrecision(2)));
  return String(Math.round(value * 10) / 10);
}

function fmtRatio(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`;
}

function table(header: string[], rows: string[][], leftColumns = 1): string {
  const align = header.map((_, i) => (i < leftColumns ? '---' : '---:'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function pageRow(n: number, s: PageSummary, metrics: Metric[]): string[] {
  return [
    n.toLocaleString('en'),
    `${s.page} (${s.okRuns}/${s.totalRuns} ok)`,
    ...metrics.map((m) => fmt(s.medians[m.key])),
  ];
}

function resultTable(summaries: NSummary[], metrics: Metric[]): string {
  const rows: string[][] = [];
  for (const s of summaries) {
    rows.push(pageRow(s.n, s.bare, metrics), pageRow(s.n, s.app, metrics));
    rows.push(['', '**app/bare**', ...metrics.map((m) => fmtRatio(s.ratios[m.key]))]);
  }
  return table(['N', 'page', ...metrics.map((m) => m.label)], rows, 2);
}

function budgetTable(budgets: BudgetRow[]): string {
  const mark = { pass: '✅', fail: '❌', 'not measured': '⚪ not measured' } as const;
  const show = (b: BudgetRow, v: number | null) => (b.unit === '×' ? fmtRatio(v) : `${fmt(v)} ms`);
  return table(
    ['budget', 'measured', 'limit', 'result'],
    budgets.map((b) => [
      b.name,
      show(b, b.value),
      `≤ ${show(b, b.limit)}`,
      b.note ? `${mark[b.status]} (${b.note})` : mark[b.status],
    ]),
  );
}

function importTable(imports: ImportSummary[]): string {
  return table(
    [
      'rows',
      'app ms',
      'papaparse ms',
      'app rows/s',
      'papaparse rows/s',
      'app/papaparse',
      'max LT ms app',
      'max LT ms papaparse',
    ],
    imports.map((i) => [
      `${i.rows.toLocaleString('en')}${i.rowsMismatch ? ' ⚠️ row count differs' : ''}`,
      fmt(i.appMs),
      fmt(i.papaparseMs),
      fmt(i.appRowsPerSec),
      fmt(i.papaparseRowsPerSec),
      fmtRatio(i.ratio),
      fmt(i.appMaxLongTaskMs),
      fmt(i.papaparseMaxLongTaskMs),
    ]),
  );
}

/** The table at N rows and the .xlsx import, as reported figures (one run each). */
function tableSection(result: TableBenchResult | undefined): string[] {
  if (!result) return [];
  const out = ['## Table and .xlsx import (one run)', ''];
  if (result.error) out.push(`- ❌ **table benchmark failed**: ${oneLine(result.error)}`, '');
  const t = result.table;
  if (t)
    out.push(
      table(
        [
          'rows',
          'import → count ms',
          'max LT ms (import, table open)',
          'max task ms (same, traced; GC in it)',
          'sort by amount ms',
          'max LT ms (sort)',
        ],
        [
          [
            t.rows.toLocaleString('en'),
            fmt(t.countMs),
            fmt(t.importLongestMs),
            traced(result.importTraceLongest),
            fmt(t.sortMs),
            fmt(t.tableLongestMs),
          ],
        ],
      ),
      '',
    );
  const x = result.xlsx;
  if (x)
    out.push(
      table(
        ['rows', 'format', 'file MB', 'import ms', 'max LT ms'],
        [
          [x.rows.toLocaleString('en'), '.xlsx', fmt(x.xlsxBytes / 2 ** 20), fmt(x.xlsxMs), fmt(x.xlsxLongestMs)],
          [x.rows.toLocaleString('en'), 'CSV', fmt(x.csvBytes / 2 ** 20), fmt(x.csvMs), fmt(x.csvLongestMs)],
        ],
      ),
      '',
    );
  out.push(
    '- `__bench.tablePrepare(rows)`, `tableImport()`, `tableSort()`: the table drawer open and a file of `rows` synthetic flows made,',
    '  the page\'s garbage collected, then the file imported onto the map; "import → count" runs until the count line shows',
    "  every row, traced; then a sort by amount, untraced, whose longest task is the table's own (budget ≤ 100 ms).",
    '- `__bench.xlsxRun(rows)`: the same rows as a workbook (written by `to-xlsx.ts`) and as CSV, each imported without the map.',
    '',
  );
  return out;
}

/** Failures, console errors and script notes, grouped by page so repeated runs do not repeat lines. */
function problems(runs: PageRunResult[], importResult: ImportBenchResult | null): string[] {
  const lines: string[] = [];
  for (const r of runs.filter((x) => !x.ok)) {
    lines.push(`- ❌ **${r.page} N=${r.n} run ${r.run} failed**: ${r.error ?? 'unknown error'}`);
    for (const e of r.consoleErrors.slice(0, 10)) lines.push(`  - console: ${oneLine(e)}`);
  }
  if (importResult && !importResult.ok) {
    lines.push(`- ❌ **import benchmark failed**: ${importResult.error ?? 'unknown error'}`);
    for (const e of importResult.consoleErrors.slice(0, 10)) lines.push(`  - console: ${oneLine(e)}`);
  }
  const consoleByPage = new Map<string, Set<string>>();
  for (const r of runs.filter((x) => x.ok)) {
    for (const e of r.consoleErrors) {
      const set = consoleByPage.get(r.page) ?? new Set<string>();
      set.add(oneLine(e));
      consoleByPage.set(r.page, set);
    }
  }
  for (const [page, set] of consoleByPage) {
    lines.push(
      `- Console errors on ${page} (successful runs): ${[...set]
        .slice(0, 10)
        .map((e) => `\`${e}\``)
        .join('; ')}`,
    );
  }
  const blob = new Set(runs.flatMap((r) => (r.js?.blobWorkers.length ? [r.page] : [])));
  for (const page of blob)
    lines.push(
      `- ${page} starts worker(s) from blob: URLs: their code is counted only inside the script that creates them.`,
    );
  const unreadable = new Set(runs.flatMap((r) => r.js?.unreadable ?? []));
  if (unreadable.size)
    lines.push(`- Script bodies that could not be read (not counted): ${[...unreadable].slice(0, 5).join('; ')}`);
  for (const page of ['bare', 'app'] as const) {
    const mine = runs.filter((r) => r.ok && r.page === page && r.hover);
    const timeouts = mine.reduce((sum, r) => sum + (r.hover?.timeouts ?? 0), 0);
    const total = mine.reduce((sum, r) => sum + (r.hover?.count ?? 0), 0);
    if (timeouts)
      lines.push(
        `- ${page}: ${timeouts} of ${total} hovers saw no hover handler within 2 s (NaN, left out of the hover figures).`,
      );
  }
  const noHover = new Set(runs.filter((r) => r.ok && r.pick && !r.hover).map((r) => r.page));
  for (const page of noHover) lines.push(`- ${page} has no \`__bench.hover\`: hover not measured.`);
  const approx = runs.filter((r) => r.readySource === 'resolution');
  if (approx.length)
    lines.push(`- ${approx.length} run(s) had no \`readyAt\`: the time the harness saw \`ready\` resolve was used.`);
  return lines;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 240);
}

/** Lazily fetched scripts (requested after ready) of the app, by file, from the first successful run of each N. */
function lazyFiles(runs: PageRunResult[]): string[] {
  const lines: string[] = [];
  for (const page of ['bare', 'app'] as const) {
    const run = runs.find((r) => r.ok && r.page === page && r.js?.files.some((f) => !f.initial));
    if (!run?.js) continue;
    const files = run.js.files.filter((f) => !f.initial);
    lines.push(
      `- ${page}: scripts fetched after ready (N=${run.n}): ${files.map((f) => `\`${f.url}\` (${fmt(f.gzip / 1024)} KB gz, at ${fmt(f.requestedAt)} ms)`).join(', ')}`,
    );
  }
  return lines;
}

/** The whole report as Markdown. */
export function renderMarkdown(input: ReportInput): string {
  const m = input.machine;
  const out: string[] = [];
  out.push(`# Corridor Atlas benchmark — ${input.date}`, '');
  out.push(`- **CPU:** ${m.cpuModel} × ${m.cpuCount}`);
  out.push(`- **Memory:** ${m.totalMemoryGiB} GiB`);
  out.push(`- **OS:** ${m.platform}`);
  out.push(`- **Node:** ${m.node}`);
  out.push(`- **Chromium:** ${m.chromium ?? 'unknown'}`);
  out.push(`- **WebGL renderer:** ${m.webglRenderer ?? 'unknown'}`);
  out.push(`- **User agent:** ${m.userAgent ?? 'unknown'}`);
  out.push(`- **Command:** \`${input.command}\``, '');
  out.push('## Budgets', '', budgetTable(input.budgets), '');
  out.push('## Load (medians over runs)', '', resultTable(input.summaries, LOAD_METRICS), '');
  out.push('## Interaction (medians over runs)', '', resultTable(input.summaries, INTERACTION_METRICS), '');
  if (input.imports.length) out.push('## Import (medians over runs)', '', importTable(input.imports), '');
  out.push(...tableSection(input.tableResult));
  out.push('## Notes', '');
  out.push(
    '- **Initial JS** means scripts requested before `__bench.ready` resolved (request start ≤ `readyAt`), workers included;',
    '  scripts requested later (lazy chunks) are in "lazy JS". Sizes: raw body, and gzip −9 of it (what a host could serve).',
    "- Heap is the main thread's JS heap only (CDP `Runtime.getHeapUsage`), after ready and after a forced GC; workers are not included.",
    '- LT = main-thread long tasks (> 50 ms, PerformanceObserver `longtask`): count, total and longest, while loading (until `readyAt`),',
    '  during `animate` and during `pick`+`hover`. Frame figures are gaps between animation frames; fps = 1000 / mean gap.',
    '- Each run is a fresh Chromium (cold cache); bare and app runs alternate, and their order is swapped on even runs.',
    '  Pick and hover use `--picks` positions at N ≤ 10,000 and `--picks-big` above (defaults 50 and 5; see the command).',
    '- Import: `__bench.importRun(rows, mode)` on a page of its own (`n=0`), the two modes alternating. "app" is the app\'s own',
    '  import (worker, unpacking, and the main-thread preparation of the layer data; the dataset is then dropped), "papaparse"',
    '  a plain papaparse parse in a worker. "max LT" is the longest main-thread long task during those imports.',
  );
  out.push(...lazyFiles(input.runs));
  out.push(...problems(input.runs, input.importResult));
  return `${out.join('\n')}\n`;
}

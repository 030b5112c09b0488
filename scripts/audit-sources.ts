// `npm run audit:sources`: checks the data against the reports themselves, which live outside the
// project (../shared/seeds, or SEEDS_DIR). Every excerpt must occur verbatim in its report (after
// folding whitespace and line breaks: the reports break lines mid-sentence), and every numeral in
// a report must be on the checklist data/report-numbers.json.
import fs from 'node:fs';
import path from 'node:path';
import { loadDataset } from './dataset/load.ts';
import { readJson } from './lib/io.ts';
import type { Citation } from './dataset/schema.ts';

const seedsDir = process.env['SEEDS_DIR'] ?? '../shared/seeds';

/** Folds every run of whitespace (spaces, tabs, line breaks, NBSP) to one space. */
export function foldWhitespace(text: string): string {
  return text.replace(/[\s\u00A0\u200F\u200E]+/g, ' ').trim();
}

function main(): number {
  if (!fs.existsSync(seedsDir)) {
    console.error(`audit:sources: no reports at ${seedsDir}; set SEEDS_DIR to the folder with the five .txt reports`);
    return 2;
  }
  const files = loadDataset();
  const reports = new Map<string, string>();
  const problems: string[] = [];
  const reportText = (id: string): string | undefined => {
    if (!reports.has(id)) {
      const file = path.join(seedsDir, id);
      if (!fs.existsSync(file)) return undefined;
      reports.set(id, foldWhitespace(fs.readFileSync(file, 'utf8')));
    }
    return reports.get(id);
  };

  let excerpts = 0;
  const check = (file: string, record: string, sources: Citation[]) => {
    for (const source of sources) {
      if (!('report' in source)) continue;
      excerpts += 1;
      const text = reportText(source.report);
      if (text === undefined) problems.push(`data/${file}: ${record}: report ${source.report} is not in ${seedsDir}`);
      else if (!text.includes(foldWhitespace(source.excerpt)))
        problems.push(`data/${file}: ${record}: excerpt not found verbatim in ${source.report}: «${source.excerpt}»`);
    }
  };
  for (const fact of files.facts.facts) check('facts.json', fact.id, fact.sources);
  for (const link of files.links.links) check('links.json', link.id, link.sources);
  check('corridors.json', 'identification', files.corridors.identification.sources);

  const checklist = readJson<{ numbers: { report: string; token: string | null }[] }>(
    'data/report-numbers.json',
  ).numbers;
  for (const report of files.sources.reports) {
    const raw = fs.readFileSync(path.join(seedsDir, report.id), 'utf8').replace(/^\s*date \d{4}-\d{2}-\d{2}/, '');
    const listed = new Set(checklist.filter((n) => n.report === report.id).map((n) => n.token));
    for (const numeral of new Set(raw.match(/[0-9۰-۹]+/g) ?? [])) {
      if (!listed.has(numeral))
        problems.push(
          `data/report-numbers.json: ${report.id}: the numeral ${numeral} in the report is not on the checklist`,
        );
    }
  }

  for (const problem of problems) console.error(problem);
  console.log(
    `audit:sources: ${excerpts} excerpts in ${files.sources.reports.length} reports, ${problems.length} problems`,
  );
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = main();

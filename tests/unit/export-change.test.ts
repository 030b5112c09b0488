// Exports while two periods are compared carry the table's change column (src/features/data-export.ts): the
// change as the table words it and its class, under headers in the table's language, in CSV, GeoJSON and
// the workbook alike; and the file still re-imports as the same rows (the importer leaves the two aside).
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/worker/parse-csv.ts';
import { previewXlsx } from '../../src/worker/parse-xlsx.ts';
import { guessMapping } from '../../src/worker/columns.ts';
import { CSV_HEADER } from '../../src/worker/to-files.ts';
import type { ImportResult } from '../../src/core/import-types.ts';
import { runNow } from '../../src/core/work-slices.ts';
import { t, type Lang } from '../../src/core/i18n/i18n.ts';
import { visibleRows } from '../../src/model/imported-datasets.ts';
import { datasetComparisons } from '../../src/model/compare-selectors.ts';
import { DEFAULT_QUERY } from '../../src/model/table-model.ts';
import { queryIds, tableSource, type TableSource } from '../../src/model/table-source.ts';
import { exportParts } from '../../src/features/data-export.ts';
import { ALL_TIME } from '../../src/state/filters.ts';
import { GAZETTEER } from './import/gazetteer-fixture.ts';
import { compare, dataset, sectorIds } from './compare-fixture.ts';

function source(comparing: boolean, lang: Lang = 'en'): TableSource {
  const { flows, places } = visibleRows(dataset.rows, { sectors: null, time: ALL_TIME }, sectorIds);
  const comparison = comparing
    ? datasetComparisons([dataset], { sectors: null, compare }, sectorIds)[0]!.comparison
    : null;
  return tableSource(
    [],
    [{ dataset, rows: Uint32Array.from([...flows, ...places]), comparison }],
    GAZETTEER,
    lang,
    comparing,
  );
}

/** The rows in the table's default order, exported as text. */
async function exported(format: 'csv' | 'geojson', s: TableSource): Promise<string> {
  const ids = runNow(queryIds(s, DEFAULT_QUERY));
  const parts = await exportParts(format, { source: s, ids }, () => Promise.resolve());
  return (parts as string[]).join('');
}

const CLASSES = new Set(['new', 'more', 'same', 'less', 'gone']);

describe('exports while comparing', () => {
  it('CSV: the change and its class after the import columns, as the table shows them', async () => {
    const text = await exported('csv', source(true));
    const [header, ...lines] = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe([...CSV_HEADER, 'Change A→B', t('en', 'table.col.changeClass')].join(','));
    const tehran = lines.filter((line) => line.startsWith('Tehran,Kazakhstan,'));
    expect(tehran.length).toBeGreaterThan(0);
    for (const line of tehran) expect(line).toMatch(/,100 tonnes → 150 tonnes · \+50 tonnes \(\+50 %\) · more,more$/);
    const classes = lines.map((line) => line.split(',').at(-1)!);
    expect(classes.filter((c) => c !== '').every((c) => CLASSES.has(c))).toBe(true);
    expect(new Set(classes)).toEqual(new Set([...CLASSES, ''])); // the place row has no change
    // It re-imports as the same rows: the importer leaves the change columns aside.
    expect(guessMapping([...CSV_HEADER, 'Change A→B', t('en', 'table.col.changeClass')])).toEqual(
      guessMapping([...CSV_HEADER]),
    );
    const again = parseCsv(text, null, GAZETTEER) as ImportResult;
    expect(again.rows.count).toBe(dataset.rows.count);
  });

  it('CSV in Persian: the headers in Persian, the class as its id', async () => {
    const text = await exported('csv', source(true, 'fa'));
    const header = text.replace(/^\uFEFF/, '').split('\r\n')[0]!;
    expect(header.endsWith(`,${t('fa', 'table.col.change')},${t('fa', 'table.col.changeClass')}`)).toBe(true);
    expect(text).toMatch(/,more\r\n/);
    expect(guessMapping([...CSV_HEADER, t('fa', 'table.col.change'), t('fa', 'table.col.changeClass')])).toEqual(
      guessMapping([...CSV_HEADER]),
    );
  });

  it('GeoJSON: the same two as properties', async () => {
    const features = (
      JSON.parse(await exported('geojson', source(true))) as {
        features: { properties: Record<string, unknown> }[];
      }
    ).features;
    const tehran = features.find(
      (f) => f.properties['origin'] === 'Tehran' && f.properties['destination'] === 'Kazakhstan',
    )!;
    expect(tehran.properties['Change A→B']).toBe('100 tonnes → 150 tonnes · +50 tonnes (+50 %) · more');
    expect(tehran.properties[t('en', 'table.col.changeClass')]).toBe('more');
  });

  it('Excel: the same two columns', async () => {
    const s = source(true);
    const parts = await exportParts('xlsx', { source: s, ids: runNow(queryIds(s, DEFAULT_QUERY)) }, () =>
      Promise.resolve(),
    );
    const bytes = new Uint8Array(await new Blob(parts).arrayBuffer());
    const preview = await previewXlsx(bytes);
    if ('failure' in preview) throw new Error(preview.failure);
    expect(preview.headers.slice(-2)).toEqual(['Change A→B', t('en', 'table.col.changeClass')]);
    const classColumn = preview.headers.length - 1;
    expect(preview.rows.some((row) => row[classColumn] === 'more')).toBe(true);
  });

  it('adds nothing when not comparing', async () => {
    const text = await exported('csv', source(false));
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(CSV_HEADER.join(','));
    expect(await exported('geojson', source(false))).not.toContain('Change');
  });
});

// The workspace file: a round trip of a dataset with every column kind, the version checks, the view state
// checked as a link's, and hostile files (wrong types, huge declared lengths, truncated base64) refused whole.
import { describe, expect, it } from 'vitest';
import {
  WORKSPACE_LIMITS,
  WORKSPACE_VERSION,
  WorkspaceError,
  base64Decode,
  base64Encode,
  decodeWorkspace,
  embedWorkspace,
  encodeWorkspace,
  looksLikeWorkspace,
  validateWorkspaceState,
  type StateCatalog,
} from '../../src/features/workspace/workspace-file.ts';
import { initialState, type AppState, type EntityRef, type ImportedDataset } from '../../src/state/state.ts';

const SECTORS = ['mining', 'steel-metals', 'food'];
const CORRIDORS = ['instc', 'east-west', 'eco-iti'];
const catalog: StateCatalog = {
  sectorIds: SECTORS,
  corridorIds: CORRIDORS,
  resolve: (id): EntityRef | null =>
    id === 'IR-03' ? { kind: 'province', id } : id === 'KAZ' ? { kind: 'partner', id } : null,
  base: initialState('fa', CORRIDORS),
};

/** Three rows: a flow with everything, a place (no destination, NaNs), and a flow with an unknown sector. */
function dataset(id = 1): ImportedDataset {
  return {
    id,
    name: 'flows «تجارت».csv',
    unknownSectors: 1,
    truncated: 0,
    mapping: { origin: 0, destination: 2, value: 3, date: 5, sheet: 1 },
    errors: [
      { row: 5, reason: 'origin-unknown', detail: 'Atlantis' },
      { row: 7, reason: 'value-invalid', detail: 'lots' },
    ],
    rows: {
      count: 3,
      origins: new Float64Array([46.29, 38.08, 51.39, 35.69, -179.5, -89.25]),
      destinations: new Float64Array([71.45, 51.17, NaN, NaN, 69.24, 41.3]),
      values: new Float64Array([1200, NaN, 1234567.5]),
      dates: new Float64Array([Date.UTC(2025, 10, 9), NaN, Date.UTC(2024, 0, 1)]),
      sectors: new Int16Array([1, 2, -1]),
      units: new Int32Array([0, -1, 1]),
      unitNames: ['USD', 'tonnes'],
      labels: ['Steel to Astana', '', 'خشکبار'],
      originNames: ['IR-03', 'IR-07', '38.08, 46.29'],
      destinationNames: ['KAZ', '', 'UZB'],
      rowNumbers: new Uint32Array([2, 3, 9]),
    },
  };
}

const state: AppState = {
  ...initialState('en', CORRIDORS),
  view: { center: [58.123456, 37.654321], zoom: 4.56789 },
  selection: { kind: 'province', id: 'IR-03' },
  sectors: ['food', 'mining'],
  corridors: ['eco-iti', 'instc'],
  layers: { provinces: true, partners: false, corridors: true, caspian: false, links: true, places: true },
  time: { from: '2024-01-01', to: '2025-12-31', undated: false },
  metric: 'links',
};

/** A workspace's JSON, for tampering: any shape goes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const parsed = (text = encodeWorkspace(state, [dataset()], SECTORS)) => JSON.parse(text) as Json;
const problem = (text: string): string => {
  try {
    decodeWorkspace(text, SECTORS);
  } catch (error) {
    if (error instanceof WorkspaceError) return error.problem;
    throw error;
  }
  return 'opened';
};

describe('workspace file', () => {
  it('round-trips every column, the errors, the counts, the name, the column mapping and the state', () => {
    const text = encodeWorkspace(state, [dataset(3), dataset(8)], SECTORS, new Date('2025-11-26T10:00:00Z'));
    expect(text.startsWith('{"format":"corridor-atlas-workspace","version":1,')).toBe(true);
    const content = decodeWorkspace(text, SECTORS);
    expect(content.version).toBe(WORKSPACE_VERSION);
    expect(content.savedAt).toBe('2025-11-26T10:00:00.000Z');
    expect(content.state).toEqual(state);
    expect(content.datasets).toEqual([dataset(3), dataset(8)]);
    const rows = content.datasets[0]!.rows;
    expect(rows.sectors).toBeInstanceOf(Int16Array);
    expect(rows.units).toBeInstanceOf(Int32Array);
    expect(rows.rowNumbers).toBeInstanceOf(Uint32Array);
    expect(Number.isNaN(rows.destinations[2]!)).toBe(true);
  });

  it('maps sectors by id, so a gazetteer with its sectors reordered or dropped still reads the rows right', () => {
    const content = decodeWorkspace(encodeWorkspace(state, [dataset()], SECTORS), ['food', 'steel-metals']);
    expect([...content.datasets[0]!.rows.sectors]).toEqual([1, 0, -1]);
  });

  it('round-trips an empty workspace and an empty dataset', () => {
    const empty = { ...dataset(), errors: [], rows: { ...dataset().rows, count: 0 } };
    for (const key of ['origins', 'destinations', 'values', 'dates'] as const) empty.rows[key] = new Float64Array(0);
    Object.assign(empty.rows, {
      sectors: new Int16Array(0),
      units: new Int32Array(0),
      rowNumbers: new Uint32Array(0),
      labels: [],
      originNames: [],
      destinationNames: [],
    });
    expect(decodeWorkspace(encodeWorkspace(state, [empty], SECTORS), SECTORS).datasets).toEqual([empty]);
    expect(decodeWorkspace(encodeWorkspace(state, [], SECTORS), SECTORS).datasets).toEqual([]);
  });

  it('refuses a newer version with its own problem, and a missing or broken version as malformed', () => {
    const newer = parsed();
    newer['version'] = WORKSPACE_VERSION + 1;
    newer['datasets'] = 'whatever a later version writes';
    expect(problem(JSON.stringify(newer))).toBe('newer-version');
    try {
      decodeWorkspace(JSON.stringify(newer), SECTORS);
    } catch (error) {
      expect((error as WorkspaceError).detail).toBe(String(WORKSPACE_VERSION + 1));
    }
    for (const version of [undefined, '1', 0, -1, 1.5, null]) {
      const file = parsed();
      file['version'] = version;
      expect(problem(JSON.stringify(file)), String(version)).toBe('malformed');
    }
  });

  it('refuses files that are not workspaces', () => {
    for (const text of ['', 'not json', '[]', 'null', '{"type":"FeatureCollection","features":[]}', '{"format":1}'])
      expect(problem(text), text).toBe('not-workspace');
  });

  it('refuses wrong types anywhere, whole', () => {
    const tamper: [string, (f: Json) => void][] = [
      ['state', (f) => (f['state'] = [1])],
      ['sectors', (f) => (f['sectors'] = [1, 2])],
      ['datasets', (f) => (f['datasets'] = {})],
      ['dataset', (f) => (f['datasets'][0] = 'x')],
      ['id', (f) => (f['datasets'][0].id = '1')],
      ['id zero', (f) => (f['datasets'][0].id = 0)],
      ['name', (f) => (f['datasets'][0].name = null)],
      ['count', (f) => (f['datasets'][0].rows.count = '3')],
      ['negative count', (f) => (f['datasets'][0].rows.count = -1)],
      ['counts', (f) => (f['datasets'][0].truncated = -2)],
      ['errors', (f) => (f['datasets'][0].errors = [{ row: 1, reason: 'eval', detail: '' }])],
      ['column type', (f) => (f['datasets'][0].rows.values = [1, 2, 3])],
      ['encoding', (f) => (f['datasets'][0].rows.encoding = 'hex')],
      ['labels length', (f) => f['datasets'][0].rows.labels.pop()],
      ['label type', (f) => (f['datasets'][0].rows.labels[0] = { toString: 1 })],
      ['unit index', (f) => (f['datasets'][0].rows.unitNames = ['USD'])],
      ['duplicate ids', (f) => f['datasets'].push(f['datasets'][0])],
      ['mapping type', (f) => (f['datasets'][0].mapping = [0, 1])],
      ['mapping field', (f) => (f['datasets'][0].mapping = { origin: 0, __proto__x: 1 })],
      ['mapping index', (f) => (f['datasets'][0].mapping = { origin: -1 })],
      ['mapping huge index', (f) => (f['datasets'][0].mapping = { origin: 1e9 })],
    ];
    for (const [what, change] of tamper) {
      const file = parsed();
      change(file);
      expect(problem(JSON.stringify(file)), what).toBe('malformed');
    }
  });

  it('refuses values a dataset cannot hold: coordinates out of range, infinite values, a sector out of the table', () => {
    const bad: [string, (d: ImportedDataset) => void][] = [
      ['origin', (d) => (d.rows.origins[0] = 200)],
      ['origin NaN', (d) => (d.rows.origins[1] = NaN)],
      ['half a destination', (d) => (d.rows.destinations[0] = NaN)],
      ['value', (d) => (d.rows.values[0] = Infinity)],
      ['date', (d) => (d.rows.dates[0] = 0.5)],
      ['sector', (d) => (d.rows.sectors[0] = 3)],
      ['unit', (d) => (d.rows.units[0] = -2)],
      ['row number', (d) => (d.rows.rowNumbers[0] = 0)],
    ];
    for (const [what, change] of bad) {
      const d = dataset();
      change(d);
      expect(problem(encodeWorkspace(state, [d], SECTORS)), what).toBe('malformed');
    }
  });

  it('checks declared lengths before allocating: huge counts, too many datasets or rows, columns of the wrong length', () => {
    const huge = parsed();
    huge['datasets'][0].rows.count = 2 ** 40;
    expect(problem(JSON.stringify(huge))).toBe('too-large');
    const over = parsed();
    over['datasets'][0].rows.count = WORKSPACE_LIMITS.maxRowsPerDataset + 1;
    expect(problem(JSON.stringify(over))).toBe('too-large');
    const many = parsed();
    many['datasets'] = Array.from({ length: WORKSPACE_LIMITS.maxDatasets + 1 }, (_, i) => ({
      ...many['datasets'][0],
      id: i + 1,
    }));
    expect(problem(JSON.stringify(many))).toBe('too-large');
    const total = parsed();
    total['datasets'] = Array.from({ length: 6 }, (_, i) => ({
      ...total['datasets'][0],
      id: i + 1,
      rows: { ...total['datasets'][0].rows, count: 1_000_000 },
    }));
    expect(problem(JSON.stringify(total))).toBe('too-large');
    // A count that does not match the columns (the base64 would need more bytes).
    const lying = parsed();
    lying['datasets'][0].rows.count = 4;
    expect(problem(JSON.stringify(lying))).toBe('malformed');
  });

  it('refuses truncated or corrupted base64', () => {
    for (const change of [
      (s: string) => s.slice(0, -4),
      (s: string) => s.slice(0, -1),
      (s: string) => `${s}AAAA`,
      (s: string) => `*${s.slice(1)}`,
      (s: string) => `${s.slice(0, 4)}\u0100${s.slice(5)}`,
      (s: string) => `${s.slice(0, -2)}A=`,
    ]) {
      const file = parsed();
      file['datasets'][0].rows.origins = change(file['datasets'][0].rows.origins);
      expect(problem(JSON.stringify(file))).toBe('malformed');
    }
  });

  it('cleans texts as an import does: controls and bidi overrides removed, lengths cut', () => {
    const file = parsed();
    file['datasets'][0].name = `evil\u202Egnp.exe${'x'.repeat(300)}`;
    file['datasets'][0].rows.labels[0] = `a\u0000b\u2066c${'y'.repeat(600)}`;
    const [d] = decodeWorkspace(JSON.stringify(file), SECTORS).datasets;
    expect(d!.name).not.toMatch(/[\u202E]/);
    expect(d!.name.length).toBeLessThanOrEqual(200);
    expect(d!.rows.labels.at(0)!.includes('\u0000') || d!.rows.labels.at(0)!.includes('\u2066')).toBe(false);
    expect(d!.rows.labels.at(0)!.length).toBeLessThanOrEqual(500);
  });
});

describe('base64', () => {
  it('round-trips every length and byte', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      const text = base64Encode(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64Decode(text, n)).toEqual(bytes);
    }
    const big = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7) & 255);
    expect(base64Decode(base64Encode(big), big.length)).toEqual(big);
  });

  it('refuses a text of the wrong length or with other characters', () => {
    expect(base64Decode('AAAA', 4)).toBeNull();
    expect(base64Decode('AA==', 2)).toBeNull();
    expect(base64Decode('A A=', 2)).toBeNull();
    expect(base64Decode('AA=A', 2)).toBeNull();
  });
});

describe('workspace state', () => {
  it('keeps a valid state exactly, with its ids in their saved order and the view unrounded', () => {
    const { state: restored, reset } = validateWorkspaceState(structuredClone(state), catalog, []);
    expect(restored).toEqual(state);
    expect(reset).toEqual([]);
  });

  it('lets nothing the URL parser refuses in: unknown ids and values fall back, and say so', () => {
    const hostile = {
      ...state,
      lang: 'de',
      selection: { kind: 'province', id: 'IR-99' },
      sectors: ['mining', '<img src=x>'],
      corridors: 'instc',
      view: { center: [500, 37], zoom: 4 },
      metric: 'eval',
      time: { from: 'yesterday', to: null, undated: true },
      story: { id: '../../etc', scene: 2 },
      layers: { provinces: 'yes' },
    };
    const { state: restored, reset } = validateWorkspaceState(hostile, catalog, []);
    expect(restored.lang).toBe('fa');
    expect(restored.selection).toBeNull();
    expect(restored.sectors).toEqual(['mining']);
    expect(restored.corridors).toEqual(catalog.base.corridors);
    expect(restored.view).toEqual(catalog.base.view);
    expect(restored.metric).toBe('activity');
    expect(restored.time).toEqual(catalog.base.time);
    expect(restored.story).toBeNull();
    expect(restored.layers).toEqual(catalog.base.layers);
    expect(reset.length).toBeGreaterThan(5);
    // A field added to the state later (the theme) goes through the same check.
    expect(validateWorkspaceState({ ...state, theme: 'dark' }, catalog, []).state.theme).toBe('dark');
    expect(validateWorkspaceState({ ...state, theme: 'neon' }, catalog, []).state.theme).toBeNull();
    expect(validateWorkspaceState({ ...state, theme: { x: 1 } }, catalog, []).state.theme).toBeNull();
    // Not even an object: the defaults.
    expect(validateWorkspaceState('x', catalog, []).state).toEqual(catalog.base);
  });

  it("keeps two periods being compared, checked as a link's compare= is", () => {
    const compare = { a: { from: '2024-01-01', to: '2024-12-31' }, b: { from: '2025-01-01', to: '2025-12-31' } };
    expect(validateWorkspaceState({ ...state, compare }, catalog, []).state.compare).toEqual(compare);
    const overlapping = { a: compare.a, b: { from: '2024-06-01', to: '2025-12-31' } };
    const refused = validateWorkspaceState({ ...state, compare: overlapping }, catalog, []);
    expect(refused.state.compare).toBeNull();
    expect(refused.reset).toContain('compare');
    expect(validateWorkspaceState({ ...state, compare: { a: 1 } }, catalog, []).state.compare).toBeNull();
  });

  it('keeps a selected imported row only when it names a row of the workspace', () => {
    const flow = { ...state, selection: { kind: 'flow', id: '1:2' } };
    expect(validateWorkspaceState(flow, catalog, [dataset(1)]).state.selection).toEqual({ kind: 'flow', id: '1:2' });
    for (const id of ['1:3', '2:0', '1:-1', '1:1.5', '1:2:3', 'x'])
      expect(
        validateWorkspaceState({ ...flow, selection: { kind: 'flow', id } }, catalog, [dataset(1)]).state.selection,
      ).toBeNull();
  });
});

describe('recognising and embedding', () => {
  it('recognises a workspace by its name or its first characters', () => {
    expect(looksLikeWorkspace('trade.atlas.json', '')).toBe(true);
    expect(looksLikeWorkspace('Trade.CORRIDOR-ATLAS', '')).toBe(true);
    expect(looksLikeWorkspace('x.json', encodeWorkspace(state, [], SECTORS).slice(0, 256))).toBe(true);
    expect(looksLikeWorkspace('x.json', '{"type":"FeatureCollection"}')).toBe(false);
    expect(looksLikeWorkspace('x.csv', 'format,corridor-atlas-workspace')).toBe(false);
  });

  it('puts the workspace in a data block the page cannot run, in place of an earlier one', () => {
    const page = '<!doctype html><html><head><script type="module">app()</script></head><body><p>x</p></body></html>';
    const d = dataset();
    (d.rows.labels as string[])[0] = '</script><script>alert(1)</script><!--';
    const text = encodeWorkspace(state, [d], SECTORS);
    const once = embedWorkspace(page, text);
    const twice = embedWorkspace(once, text);
    expect(twice).toBe(once);
    expect(once.match(/<script/g)).toHaveLength(2);
    const block = /<script type="application\/json" id="atlas-workspace">([^<]*)<\/script>/.exec(once);
    expect(block).not.toBeNull();
    expect(decodeWorkspace(block![1]!, SECTORS).datasets[0]!.rows.labels.at(0)).toBe(d.rows.labels.at(0));
    expect(once.indexOf('atlas-workspace')).toBeLessThan(once.indexOf('</body>'));
  });
});

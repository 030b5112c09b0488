import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImportRequest, ImportResponse } from '../../../src/worker/messages.ts';
import { unpackResult } from '../../../src/worker/packed.ts';
import { GAZETTEER } from './gazetteer-fixture.ts';
import { plainTexts } from './plain-texts.ts';
import { readFixture } from './read-fixture.ts';
import { workbook } from './xlsx-fixture.ts';

// The worker's global scope, stubbed: messages in through the listener, messages out recorded.
const posted: { message: ImportResponse; transfer: Transferable[] }[] = [];
let listener: ((event: { data: ImportRequest }) => void) | null = null;

beforeAll(async () => {
  vi.stubGlobal('addEventListener', (_type: string, l: typeof listener) => (listener = l));
  vi.stubGlobal('postMessage', (message: ImportResponse, options?: { transfer?: Transferable[] }) =>
    posted.push({ message, transfer: options?.transfer ?? [] }),
  );
  vi.stubGlobal('close', () => undefined);
  await import('../../../src/worker/import.worker.ts');
});

afterAll(() => vi.unstubAllGlobals());

/** Sends one request and waits for its final answer. */
async function send(request: ImportRequest): Promise<{ message: ImportResponse; transfer: Transferable[] }[]> {
  posted.length = 0;
  listener?.({ data: request });
  await vi.waitFor(() => expect(posted.some((p) => p.message.type !== 'progress')).toBe(true));
  return [...posted];
}

const file = (content: BlobPart, name: string) => new File([content], name);

/** A `done` answer's result as the app rebuilds it, its texts as arrays. */
const unpacked = async (message: ImportResponse | undefined) => {
  if (message?.type !== 'done') throw new Error(`expected done, got ${message?.type}`);
  return plainTexts(await unpackResult(message.result, () => Promise.resolve()));
};

describe('import worker', () => {
  it('previews a CSV with its guessed mapping', async () => {
    const [answer] = await send({ type: 'preview', file: file(readFixture('flows-valid.csv'), 'flows.csv') });
    expect(answer?.message).toMatchObject({
      type: 'preview',
      format: 'csv',
      delimiter: ',',
      mapping: { origin: 0, destination: 1 },
    });
  });

  it('previews GeoJSON without a mapping', async () => {
    const [answer] = await send({ type: 'preview', file: file(readFixture('places.geojson'), 'places.geojson') });
    expect(answer?.message).toEqual({ type: 'preview', format: 'geojson' });
  });

  it('imports, reporting progress from 0 to 1 and transferring the columns', async () => {
    const answers = await send({
      type: 'import',
      file: file(readFixture('flows-messy-semicolon-bom.csv'), 'messy.csv'),
      mapping: null,
      gazetteer: GAZETTEER,
    });
    const progress = answers
      .filter((a) => a.message.type === 'progress')
      .map((a) => (a.message as { fraction: number }).fraction);
    expect(progress.slice(0, 2)).toEqual([0, 0.1]);
    expect(progress.at(-1)).toBe(1);
    const done = answers.at(-1);
    expect(done?.message).toMatchObject({ type: 'done', format: 'csv' });
    const result = await unpacked(done?.message);
    expect(result).toMatchObject({ rows: { count: 4, originNames: ['IR-03', 'IR-08', 'IR-09', '38.08, 46.29'] } });
    // Every typed array travels by transfer: the 7 row columns, 2 of the error list, and the string columns' offsets.
    expect(done?.transfer.length).toBeGreaterThanOrEqual(13);
  });

  it('imports GeoJSON', async () => {
    const answers = await send({
      type: 'import',
      file: file(readFixture('places.geojson'), 'places.geojson'),
      mapping: null,
      gazetteer: GAZETTEER,
    });
    expect(answers.at(-1)?.message).toMatchObject({ type: 'done', format: 'geojson' });
    expect(await unpacked(answers.at(-1)?.message)).toMatchObject({ rows: { count: 4 }, errors: [{ row: 4 }] });
  });

  it('previews every sheet of a workbook and imports the chosen one', async () => {
    const book = workbook([
      { name: 'notes', rows: [['note'], ['nothing to map']] },
      {
        name: 'flows',
        rows: [
          ['origin', 'value'],
          ['Fars', '۱۲'],
          ['Atlantis', 1],
        ],
      },
    ]);
    const [preview] = await send({ type: 'preview', file: file(book as BlobPart, 'book.xlsx') });
    expect(preview?.message).toMatchObject({
      type: 'preview',
      format: 'xlsx',
      mapping: { origin: 0, value: 1, sheet: 1 },
      sheets: [{ name: 'notes' }, { name: 'flows' }],
    });
    const answers = await send({
      type: 'import',
      file: file(book as BlobPart, 'book.xlsx'),
      mapping: { origin: 0, value: 1, sheet: 1 },
      gazetteer: GAZETTEER,
    });
    expect(answers.at(-1)?.message).toMatchObject({ type: 'done', format: 'xlsx' });
    expect(answers.filter((a) => a.message.type === 'progress').length).toBeGreaterThan(1);
    expect(await unpacked(answers.at(-1)?.message)).toMatchObject({
      rows: { count: 1 },
      errors: [{ row: 3, reason: 'origin-unknown' }],
    });
  });

  it('refuses bytes named .xlsx that are not a workbook with the workbook message', async () => {
    const [preview] = await send({ type: 'preview', file: file('origin,value\nFars,1\n', 'book.xlsx') });
    expect(preview?.message).toEqual({ type: 'failed', failure: 'xlsx-invalid' });
    const answers = await send({
      type: 'import',
      file: file('not a zip', 'book.xlsx'),
      mapping: null,
      gazetteer: GAZETTEER,
    });
    expect(answers.at(-1)?.message).toEqual({ type: 'failed', failure: 'xlsx-invalid' });
  });

  it('refuses empty, binary, unknown and oversized files', async () => {
    const failure = async (f: File) =>
      (await send({ type: 'import', file: f, mapping: null, gazetteer: GAZETTEER })).at(-1)?.message;
    expect(await failure(file('', 'empty.csv'))).toEqual({ type: 'failed', failure: 'empty' });
    expect(await failure(file(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]).buffer, 'image.csv'))).toEqual({
      type: 'failed',
      failure: 'not-text',
    });
    expect(await failure(file('hello world', 'readme'))).toEqual({ type: 'failed', failure: 'not-csv-or-geojson' });
    const huge = file('x', 'huge.csv');
    Object.defineProperty(huge, 'size', { value: 65 * 1024 * 1024 });
    expect(await failure(huge)).toEqual({ type: 'failed', failure: 'too-large' });
    const [preview] = await send({ type: 'preview', file: huge });
    expect(preview?.message).toEqual({ type: 'failed', failure: 'too-large' });
  });

  it('answers a failure when reading or parsing throws, instead of leaving the app waiting', async () => {
    // A file that cannot be read (removed after it was chosen, or memory ran out); a rejected promise
    // in a worker never reaches the app's error listener, so only the worker's own catch answers.
    const unreadable = file('origin\nTehran\n', 'gone.csv');
    Object.defineProperty(unreadable, 'text', { value: () => Promise.reject(new Error('NotReadableError')) });
    Object.defineProperty(unreadable, 'slice', { value: () => unreadable });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(
      (await send({ type: 'import', file: unreadable, mapping: null, gazetteer: GAZETTEER })).at(-1)?.message,
    ).toEqual({ type: 'failed', failure: 'worker' });
    expect((await send({ type: 'preview', file: unreadable })).at(-1)?.message).toEqual({
      type: 'failed',
      failure: 'worker',
    });
    quiet.mockRestore();
  });
});

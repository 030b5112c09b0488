import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/worker/detect.ts';

describe('detectFormat', () => {
  it('goes by the extension', () => {
    expect(detectFormat('flows.csv', 'origin,value')).toBe('csv');
    expect(detectFormat('FLOWS.TSV', 'origin\tvalue')).toBe('csv');
    expect(detectFormat('notes.txt', 'origin;value')).toBe('csv');
    expect(detectFormat('places.geojson', '{"type"')).toBe('geojson');
    expect(detectFormat('places.json', '  \n{')).toBe('geojson');
    expect(detectFormat('places.json', 'not json')).toBe('geojson');
  });

  it('goes by the content when the first character is a brace', () => {
    expect(detectFormat('export.txt', '\uFEFF  {"type": "FeatureCollection"')).toBe('geojson');
    expect(detectFormat('download', '{"type": "Feature"')).toBe('geojson');
  });

  it('reads an unknown extension as CSV only when it looks like a table', () => {
    expect(detectFormat('data.dat', 'origin,destination\nTehran,KAZ')).toBe('csv');
    expect(detectFormat('picture.png', '\u0089PNG\r\n\u001a\n\u0000\u0000')).toBeNull();
    expect(detectFormat('readme', 'hello world')).toBeNull();
  });

  it('reads a workbook extension, or a zip not named CSV or JSON, as a workbook', () => {
    expect(detectFormat('trade.xlsx', 'PK\u0003\u0004')).toBe('xlsx');
    expect(detectFormat('TRADE.XLSX', 'origin,value')).toBe('xlsx'); // refused later as an unreadable workbook
    expect(detectFormat('old.xls', '\u00d0\u00cf\u0011\u00e0')).toBe('xlsx');
    expect(detectFormat('download', 'PK\u0003\u0004\u0014\u0000')).toBe('xlsx');
    expect(detectFormat('renamed.csv', 'PK\u0003\u0004\u0014\u0000')).toBe('csv');
  });
});

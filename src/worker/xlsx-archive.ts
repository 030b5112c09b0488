// The zip side of a workbook (.xlsx): unpacking within limits, and the few facts read-excel-file
// does not give (which part holds which sheet, the 1904 date system, merged cells).
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { XLSX_LIMITS, type ImportFailure } from '../core/import-types.ts';

/** Thrown from fflate's entry filter to stop before anything is inflated. */
class LimitExceeded extends Error {}

/** The parts read-excel-file reads (and so the parts inflated): XML and relationships. */
const isXmlPart = (name: string): boolean => name.endsWith('.xml') || name.endsWith('.rels');

/**
 * The workbook's XML parts, or why not. The zip's central directory is read first without
 * inflating anything: over {@link XLSX_LIMITS} entries, or over its total of declared unpacked
 * bytes, the file is refused as a zip bomb. fflate then inflates each part into a buffer of its
 * declared size and never past it, so a part that lies about its size cannot grow either.
 */
export function unzipWorkbook(
  bytes: Uint8Array,
  limits: { maxUnpackedBytes: number; maxEntries: number } = XLSX_LIMITS,
): { parts: Unzipped } | { failure: Extract<ImportFailure, 'xlsx-invalid' | 'xlsx-too-large'> } {
  // Every zip, and so every workbook, starts with a local file header; a legacy .xls does not.
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4)
    return { failure: 'xlsx-invalid' };
  let entries = 0;
  let unpacked = 0;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        entries += 1;
        if (isXmlPart(entry.name)) unpacked += entry.originalSize;
        if (entries > limits.maxEntries || unpacked > limits.maxUnpackedBytes) throw new LimitExceeded();
        return false; // this pass only reads the sizes
      },
    });
    return { parts: unzipSync(bytes, { filter: (entry) => isXmlPart(entry.name) }) };
  } catch (error) {
    return { failure: error instanceof LimitExceeded ? 'xlsx-too-large' : 'xlsx-invalid' };
  }
}

/** The parts as a zip of stored (uncompressed) entries: read-excel-file then unpacks it in place, with no workers of its own. */
export function storedZip(parts: Unzipped): Uint8Array {
  return zipSync(parts, { level: 0 });
}

const decoder = new TextDecoder();
export const partText = (parts: Unzipped, name: string): string => {
  const part = parts[name];
  return part ? decoder.decode(part) : '';
};

/** XML text with its five named entities and numeric character references resolved. */
export function unescapeXml(text: string): string {
  return text.replace(/&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g, (whole, name, dec, hex) => {
    if (name) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name as 'amp'];
    const code = dec ? Number(dec) : parseInt(hex, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];

/**
 * The sheets in the workbook's order (the order read-excel-file numbers them in), each with the
 * path of its part, and whether the workbook counts dates from 1904 (old Mac Excel).
 */
export function workbookInfo(parts: Unzipped): { sheets: { name: string; path: string }[]; date1904: boolean } {
  const workbook = partText(parts, 'xl/workbook.xml');
  const relations = new Map<string, string>();
  for (const [tag] of partText(parts, 'xl/_rels/workbook.xml.rels').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) relations.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map(([tag]) => ({
    name: unescapeXml(attribute(tag, 'name') ?? ''),
    path: relations.get(attribute(tag, 'id') ?? '') ?? '',
  }));
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbook)?.[0] ?? '';
  const date1904 = /^(?:1|true)$/.test(attribute(pr, 'date1904') ?? '');
  return { sheets, date1904 };
}

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "AB12" → [row 11, column 27], 0-based. */
function cellAddress(ref: string): [number, number] | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  if (!match) return null;
  let column = 0;
  for (const ch of match[1]!) column = column * 26 + ch.charCodeAt(0) - 64;
  return [Number(match[2]) - 1, column - 1];
}

/** The merged cells of a sheet's part. */
export function mergedRanges(sheetXml: string): CellRange[] {
  const ranges: CellRange[] = [];
  for (const [tag] of sheetXml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*>/g)) {
    const [from = '', to = from] = (attribute(tag, 'ref') ?? '').split(':');
    const a = cellAddress(from);
    const b = cellAddress(to);
    if (a && b)
      ranges.push({
        top: Math.min(a[0], b[0]),
        left: Math.min(a[1], b[1]),
        bottom: Math.max(a[0], b[0]),
        right: Math.max(a[1], b[1]),
      });
  }
  return ranges;
}

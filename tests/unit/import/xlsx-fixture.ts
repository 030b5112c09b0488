// Builds real .xlsx workbooks in tests, the way Excel writes them: shared strings, a date style on
// serial-number cells, merged cells, several sheets. Zipped with fflate, as a spreadsheet program would.
import { strToU8, zipSync, type Unzipped } from 'fflate';

/** A cell: text (a shared string), a number, a date (an Excel serial with a date style), or empty. */
export type FixtureCell = string | number | { serial: number } | null;

export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
  /** Merged ranges as Excel writes them, e.g. "A1:B1". */
  merges?: string[];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const column = (i: number) => String.fromCharCode(65 + i);

/** The parts of a workbook, unzipped: for tests that need to tamper with one. */
export function workbookParts(sheets: FixtureSheet[]): Unzipped {
  const strings: string[] = [];
  const stringIndex = (text: string) => {
    const at = strings.indexOf(text);
    return at >= 0 ? at : strings.push(text) - 1;
  };
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
      .map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join(
        '',
      )}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    // Style 1: built-in number format 14, a date (m/d/yyyy).
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  };
  sheets.forEach((sheet, i) => {
    const rows = sheet.rows
      .map((row, r) => {
        const cells = row
          .map((cell, c) => {
            const ref = `${column(c)}${r + 1}`;
            if (cell === null) return '';
            if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
            if (typeof cell === 'object') return `<c r="${ref}" s="1"><v>${cell.serial}</v></c>`;
            return `<c r="${ref}" t="s"><v>${stringIndex(cell)}</v></c>`;
          })
          .join('');
        return `<row r="${r + 1}">${cells}</row>`;
      })
      .join('');
    const merges = sheet.merges?.length
      ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
      : '';
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData>${merges}</worksheet>`;
  });
  parts['xl/sharedStrings.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings
      .map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`)
      .join('')}</sst>`;
  return Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)]));
}

/** A workbook's bytes. */
export function workbook(sheets: FixtureSheet[]): Uint8Array {
  return zipSync(workbookParts(sheets));
}

/**
 * A zip bomb: a real workbook whose central directory declares `declared` unpacked bytes for its
 * first sheet (the local header is left alone: readers that trust the directory allocate this much).
 */
export function declaredSizeBomb(bytes: Uint8Array, part: string, declared: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(part);
  for (let i = 0; i + 46 < out.length; i += 1) {
    if (view.getUint32(i, true) !== 0x02014b50) continue; // central directory header
    const nameLength = view.getUint16(i + 28, true);
    const entryName = out.subarray(i + 46, i + 46 + nameLength);
    if (entryName.length === name.length && entryName.every((b, k) => b === name[k]))
      view.setUint32(i + 24, declared, true);
  }
  return out;
}

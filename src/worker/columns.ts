// Guesses which column of an analyst's file holds which field, from headers in English or Persian.
import { normaliseKey } from './normalise.ts';
import { FLOW_FIELDS, type ColumnMapping, type FlowField } from '../core/import-types.ts';

/**
 * How strongly a synonym names its field. `weak` ones are short everyday words ("to", "از", "name")
 * that only count as the whole header or its first word, so "ارزش به دلار" (value in dollars) is
 * not a destination and "نام استان مبدا" (origin province name) is not a label.
 */
type Strength = 'primary' | 'normal' | 'weak';

const SYNONYMS: Record<FlowField, [string, Strength][]> = {
  origin: [
    ['origin', 'primary'],
    ['مبدا', 'primary'],
    ['مبدأ', 'primary'],
    ['from', 'weak'],
    ['source', 'normal'],
    ['src', 'normal'],
    ['از', 'weak'],
  ],
  destination: [
    ['destination', 'primary'],
    ['مقصد', 'primary'],
    ['dest', 'normal'],
    ['target', 'normal'],
    ['to', 'weak'],
    ['به', 'weak'],
  ],
  value: [
    ['value', 'primary'],
    ['مقدار', 'primary'],
    ['amount', 'normal'],
    ['volume', 'normal'],
    ['quantity', 'normal'],
    ['ارزش', 'normal'],
    ['حجم', 'normal'],
  ],
  unit: [
    ['unit', 'primary'],
    ['units', 'primary'],
    ['واحد', 'primary'],
  ],
  sector: [
    ['sector', 'primary'],
    ['بخش', 'primary'],
    ['category', 'normal'],
    ['industry', 'normal'],
    ['حوزه', 'normal'],
  ],
  date: [
    ['date', 'primary'],
    ['تاریخ', 'primary'],
    ['year', 'normal'],
    ['day', 'normal'],
    ['سال', 'normal'],
  ],
  label: [
    ['label', 'primary'],
    ['برچسب', 'primary'],
    ['title', 'normal'],
    ['description', 'normal'],
    ['note', 'normal'],
    ['عنوان', 'normal'],
    ['شرح', 'normal'],
    ['توضیح', 'normal'],
    ['name', 'weak'],
    ['نام', 'weak'],
  ],
  // Weak only: "origin id" or "شناسه استان" name a place's id, which repeats, not the row's.
  id: [
    ['id', 'weak'],
    ['identifier', 'weak'],
    ['شناسه', 'weak'],
    ['row id', 'weak'],
  ],
};

/** Score of a synonym found as the whole header, as its first word, or as a later word. */
const SCORES: Record<Strength, [whole: number, first: number, later: number]> = {
  primary: [4, 3.75, 2], // the field's own name leading a header beats a synonym that is the whole header
  normal: [3.5, 2.5, 1.5],
  weak: [3.5, 1, 0],
};

const NORMALISED = FLOW_FIELDS.map((field) =>
  SYNONYMS[field].map(([word, strength]) => ({ field, key: normaliseKey(word), strength })),
).flat();

function score(header: string, key: string, strength: Strength): number {
  const [whole, first, later] = SCORES[strength];
  if (header === key) return whole;
  // A plural or run-together word still counts ("origins", "originProvince"), unless the synonym is too short to tell.
  const matches = (word: string): boolean => word === key || (key.length >= 4 && word.startsWith(key));
  const [head = '', ...rest] = header.split(' ');
  if (matches(head)) return first;
  return rest.some(matches) ? later : 0;
}

/**
 * The most likely column for each field. Each column serves one field and each field one column;
 * stronger matches are placed first, then fields in {@link FLOW_FIELDS} order, then leftmost columns.
 */
export function guessMapping(headers: string[]): ColumnMapping {
  const keys = headers.map(normaliseKey);
  const candidates: { field: FlowField; column: number; score: number }[] = [];
  keys.forEach((header, column) => {
    if (!header) return;
    for (const { field, key, strength } of NORMALISED) {
      const s = score(header, key, strength);
      if (s > 0) candidates.push({ field, column, score: s });
    }
  });
  candidates.sort(
    (a, b) => b.score - a.score || FLOW_FIELDS.indexOf(a.field) - FLOW_FIELDS.indexOf(b.field) || a.column - b.column,
  );
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const { field, column } of candidates) {
    if (mapping[field] !== undefined || used.has(column)) continue;
    mapping[field] = column;
    used.add(column);
  }
  return mapping;
}

/** Counts `delimiter` outside double quotes in one line. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count += 1;
  }
  return count;
}

/**
 * The field delimiter of a CSV sample: the candidate found in the header line that splits the most
 * following lines into the same number of fields. The header decides because headers rarely hold
 * the commas that "lat, lon" cells or decimal commas put into data lines.
 */
export function sniffDelimiter(sample: string): ',' | ';' | '\t' {
  const lines = sample
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best: ',' | ';' | '\t' = ',';
  let bestScore = 0;
  for (const delimiter of [',', ';', '\t'] as const) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const expected = counts[0] ?? 0;
    if (expected === 0) continue;
    const consistent = counts.filter((c) => c === expected).length / counts.length;
    const s = consistent * 1000 + expected;
    if (s > bestScore) {
      best = delimiter;
      bestScore = s;
    }
  }
  return best;
}

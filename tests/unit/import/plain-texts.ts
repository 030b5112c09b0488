// An import result with its text columns as plain arrays, to compare with one built in the worker:
// the page keeps them packed (`PackedText`, `KeyColumn`), which hold the same strings in other shapes.
import type { ImportResult } from '../../../src/core/import-types.ts';
import { textsOf } from '../../../src/core/text-column.ts';

export const plainTexts = (result: ImportResult): ImportResult => ({
  ...result,
  rows: {
    ...result.rows,
    labels: textsOf(result.rows.labels),
    originNames: textsOf(result.rows.originNames),
    destinationNames: textsOf(result.rows.destinationNames),
  },
});

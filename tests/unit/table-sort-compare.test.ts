// A table sorted by the change column while comparing falls back to the default sort when the comparison
// ends (the column goes with it): `queryFor` in src/model/table-model.ts, which the table view applies to
// each new source.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY, queryFor, type TableQuery } from '../../src/model/table-model.ts';

const byChange: TableQuery = { ...DEFAULT_QUERY, text: 'tehran', sort: { column: 'change', descending: false } };

describe('sorting by the change when the comparison ends', () => {
  it('keeps the sort by change while comparing', () => {
    expect(queryFor(byChange, true)).toBe(byChange);
  });

  it('falls back to the default sort, keeping the filters, once not comparing', () => {
    const after = queryFor(byChange, false);
    expect(after.sort).toEqual(DEFAULT_QUERY.sort);
    expect(after.sort.column).not.toBe('change');
    expect(after.text).toBe('tehran');
  });

  it('leaves any other sort as it is', () => {
    const byAmount: TableQuery = { ...DEFAULT_QUERY, sort: { column: 'amount', descending: false } };
    expect(queryFor(byAmount, false)).toBe(byAmount);
    expect(queryFor(byAmount, true)).toBe(byAmount);
  });
});

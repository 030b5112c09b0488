import { describe, expect, it } from 'vitest';
import { dateDomain, isIsoDay, matchesTime, parseTime, timeKey, type TimeFilter } from '../../src/state/filters.ts';

describe('time filter', () => {
  it('parses ranges with open ends and the undated switch', () => {
    expect(parseTime('2025-08-01..2025-10-31')).toEqual({ from: '2025-08-01', to: '2025-10-31', undated: true });
    expect(parseTime('..2025-10-31~')).toEqual({ from: null, to: '2025-10-31', undated: false });
    expect(parseTime('2025-08-01..')).toEqual({ from: '2025-08-01', to: null, undated: true });
  });

  it('rejects malformed, impossible and reversed ranges', () => {
    for (const raw of [
      '2025-08-01',
      '2025-13-01..',
      '2025-02-30..',
      '2025-10-31..2025-08-01',
      'x..y',
      '..<b>',
      '2025-08-01...2025-09-01',
    ])
      expect(parseTime(raw), raw).toBeNull();
  });

  it('round-trips through its key', () => {
    const filters: TimeFilter[] = [
      { from: '2025-08-01', to: '2025-10-31', undated: false },
      { from: null, to: '2025-10-31', undated: true },
      { from: null, to: null, undated: false },
    ];
    for (const filter of filters) expect(parseTime(timeKey(filter))).toEqual(filter);
  });

  it('matches dates inclusively and undated records by the switch', () => {
    const range: TimeFilter = { from: '2025-08-26', to: '2025-10-12', undated: false };
    expect(['2025-08-26', '2025-10-12', '2025-09-01'].every((d) => matchesTime(d, range))).toBe(true);
    expect(['2025-08-25', '2025-10-13'].some((d) => matchesTime(d, range))).toBe(false);
    expect(matchesTime(null, range)).toBe(false);
    expect(matchesTime(null, { ...range, undated: true })).toBe(true);
  });

  it('knows real days and finds the date domain', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2025-02-29')).toBe(false);
    expect(dateDomain(['2025-10-12', null, '2025-08-26', '2025-11-09'])).toEqual(['2025-08-26', '2025-11-09']);
    expect(dateDomain([null])).toBeNull();
  });
});

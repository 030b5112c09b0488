import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate, formatDateRange, formatKm, formatQuantity } from '../../src/core/i18n/format.ts';

const vocabulary = {
  units: {
    units: { fa: 'واحد', en: 'units' },
    tonnes: { fa: 'تن', en: 'tonnes' },
    percent: { fa: 'درصد', en: '%' },
    rank: { fa: 'رتبه', en: 'rank' },
  },
  qualifiers: { over: { fa: 'بیش از', en: 'over' } },
};

describe('numbers', () => {
  it('writes Persian digits in fa and Western digits in en', () => {
    expect(formatAmount('fa', 5500)).toBe('۵٬۵۰۰');
    expect(formatAmount('en', 5500)).toBe('5,500');
  });

  it('writes millions in words', () => {
    expect(formatAmount('en', 50_000_000)).toBe('50 million');
    expect(formatAmount('fa', 50_000_000)).toBe('۵۰ میلیون');
  });

  it('formats quantities with unit and qualifier', () => {
    expect(formatQuantity('en', { value: 5500, unit: 'units', qualifier: 'over' }, vocabulary)).toBe(
      'over 5,500 units',
    );
    expect(formatQuantity('fa', { value: 5500, unit: 'units', qualifier: 'over' }, vocabulary)).toBe(
      'بیش از ۵٬۵۰۰ واحد',
    );
    expect(formatQuantity('en', { value: 35, unit: 'percent' }, vocabulary)).toBe('35%');
    expect(formatQuantity('fa', { value: 35, unit: 'percent' }, vocabulary)).toBe('۳۵ درصد');
    expect(formatQuantity('en', { value: 300000, unit: 'tonnes' }, vocabulary)).toBe('300,000 tonnes');
    expect(formatQuantity('en', { value: 1, unit: 'rank' }, vocabulary)).toBe('rank 1');
  });

  it('formats kilometres', () => {
    expect(formatKm('en', 1110.4)).toBe('1,110 km');
    expect(formatKm('fa', 1110.4)).toBe('۱٬۱۱۰ کیلومتر');
  });
});

describe('dates', () => {
  it('uses the Persian (Jalali) calendar in fa', () => {
    expect(formatDate('fa', '2025-10-22')).toBe('۳۰ مهر ۱۴۰۴');
    expect(formatDate('fa', '2025-10-23')).toBe('۱ آبان ۱۴۰۴');
  });

  it('uses the Gregorian calendar in en', () => {
    expect(formatDate('en', '2025-08-26')).toBe('26 August 2025');
  });

  it('says when a report is undated', () => {
    expect(formatDate('en', null)).toBe('undated');
    expect(formatDate('fa', null)).toBe('بدون تاریخ');
  });

  it('formats ranges', () => {
    expect(formatDateRange('en', '2025-10-22', '2025-10-23')).toBe('22 October 2025 – 23 October 2025');
    expect(formatDateRange('en', '2025-10-22')).toBe('22 October 2025');
  });
});

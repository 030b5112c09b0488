import { describe, expect, it } from 'vitest';
import { guessMapping, sniffDelimiter } from '../../../src/worker/columns.ts';

describe('guessMapping', () => {
  it('maps plain English headers', () => {
    expect(guessMapping(['origin', 'destination', 'value', 'unit', 'sector', 'date', 'label'])).toEqual({
      origin: 0,
      destination: 1,
      value: 2,
      unit: 3,
      sector: 4,
      date: 5,
      label: 6,
    });
    expect(guessMapping(['From', 'To', 'Amount', 'Units', 'Category', 'Year', 'Description'])).toEqual({
      origin: 0,
      destination: 1,
      value: 2,
      unit: 3,
      sector: 4,
      date: 5,
      label: 6,
    });
  });

  it('maps Persian headers, with letter variants', () => {
    expect(guessMapping(['مبدأ', 'مقصد', 'مقدار', 'واحد', 'بخش', 'تاریخ', 'عنوان'])).toEqual({
      origin: 0,
      destination: 1,
      value: 2,
      unit: 3,
      sector: 4,
      date: 5,
      label: 6,
    });
    expect(guessMapping(['از', 'به', 'ارزش', 'حوزه', 'سال', 'توضيح'])).toEqual({
      origin: 0,
      destination: 1,
      value: 2,
      sector: 3,
      date: 4,
      label: 5,
    });
  });

  it('tolerates extra words, brackets, underscores and case', () => {
    expect(guessMapping(['Origin (province)', 'destination_country', 'Value (USD)', 'SECTOR', 'Year', 'Note'])).toEqual(
      {
        origin: 0,
        destination: 1,
        value: 2,
        sector: 3,
        date: 4,
        label: 5,
      },
    );
    expect(guessMapping(['originProvince', 'id', 'trade value', 'source'])).toEqual({ origin: 0, id: 1, value: 2 });
  });

  it('does not let short everyday words steal a column', () => {
    // "value in dollars" has "به" (to) in it; "origin province name" has "نام" (name).
    expect(guessMapping(['استان مبدا', 'ارزش به دلار', 'نام استان مقصد'])).toEqual({
      origin: 0,
      value: 1,
      destination: 2,
    });
    expect(guessMapping(['Origin name', 'Destination name', 'Name'])).toEqual({ origin: 0, destination: 1, label: 2 });
  });

  it('prefers the field name itself over a synonym, and the leftmost of equals', () => {
    expect(guessMapping(['source', 'origin', 'target'])).toEqual({ origin: 1, destination: 2 });
    expect(guessMapping(['origin', 'destination', 'label', 'source'])).toEqual({ origin: 0, destination: 1, label: 2 });
    expect(guessMapping(['date', 'year'])).toEqual({ date: 0 });
  });

  it('finds no origin when there is none', () => {
    expect(guessMapping(['country', 'amount']).origin).toBeUndefined();
    expect(guessMapping([])).toEqual({});
    expect(guessMapping(['', ' '])).toEqual({});
  });
});

describe('sniffDelimiter', () => {
  it('finds commas, semicolons and tabs', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('\uFEFFمبدأ;مقصد;مقدار\r\nا;ب;۱٫۵\r\n')).toBe(';');
    expect(sniffDelimiter('a\tb\tc\n1\t2,5\t3\n')).toBe('\t');
  });

  it('is not fooled by commas in data lines of a semicolon file', () => {
    expect(sniffDelimiter('origin;value\n38.1, 46.2;12,5\nTehran;1,5\n')).toBe(';');
  });

  it('ignores delimiters inside quotes', () => {
    expect(sniffDelimiter('"a;b",c\n"1;2",3\n')).toBe(',');
  });

  it('falls back to a comma for a single column', () => {
    expect(sniffDelimiter('origin\nTehran\n')).toBe(',');
    expect(sniffDelimiter('')).toBe(',');
  });
});

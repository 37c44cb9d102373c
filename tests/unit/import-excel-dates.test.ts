import { describe, expect, it } from 'vitest';
import {
  excelSerialDate,
  isBuiltInDateFormat,
  isDateFormatCode
} from '#lib/domain/import/excel-dates.ts';

describe('isDateFormatCode: which number formats show dates', () => {
  it.each<[string, boolean]>([
    ['dd/mm/yyyy', true],
    ['d-mmm-yy', true],
    ['[$-809]dd mmmm yyyy;@', true],
    ['yyyy-mm-dd hh:mm:ss', true],
    ['[h]:mm:ss', true],
    ['mm:ss.0', true],
    ['"Due "dd/mm/yyyy', true],
    ['[Red]dd/mm/yyyy', true],
    ['General', false],
    ['0.00', false],
    ['#,##0', false],
    ['"£"#,##0.00;[Red]-"£"#,##0.00', false],
    ['0%', false],
    ['@', false],
    ['"d"0', false],
    ['\\d0', false]
  ])('%s → %s', (code, date) => {
    expect(isDateFormatCode(code)).toBe(date);
  });

  it.each<[number, boolean]>([
    [0, false],
    [4, false],
    [14, true],
    [22, true],
    [45, true],
    [49, false],
    [57, true],
    [81, true],
    [164, false]
  ])('built-in format %i → %s', (id, date) => {
    expect(isBuiltInDateFormat(id)).toBe(date);
  });
});

describe('excelSerialDate', () => {
  it.each<[number, boolean, string | null]>([
    [45383, false, '2024-04-01'],
    [45383.99, false, '2024-04-01'],
    [45351, false, '2024-02-29'],
    [61, false, '1900-03-01'],
    [25569, false, '1970-01-01'],
    [43921, true, '2024-04-01'],
    [0, true, '1904-01-01'],
    [2958465, false, '9999-12-31'],
    [2958466, false, null],
    [-700000, false, null],
    [Number.NaN, false, null],
    [Number.POSITIVE_INFINITY, false, null]
  ])('%d (1904 system: %s) → %s', (serial, epoch1904, date) => {
    expect(excelSerialDate(serial, epoch1904)).toBe(date);
  });
});

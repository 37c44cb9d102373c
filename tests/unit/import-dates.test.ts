import { describe, expect, it } from 'vitest';
import { fromExcelSerial, MAX_EXCEL_SERIAL, parseUkDate } from '#lib/domain/import/dates.ts';

describe('parseUkDate: accepted forms', () => {
  it.each<[string | number, string]>([
    ['01/04/2024', '2024-04-01'],
    ['1/4/2024', '2024-04-01'],
    ['1/4/24', '2024-04-01'],
    ['01.04.2024', '2024-04-01'],
    ['01-04-2024', '2024-04-01'],
    ['01/04/2024 00:00', '2024-04-01'],
    ['01/04/2024 23:59:59', '2024-04-01'],
    ['1 April 2024', '2024-04-01'],
    ['1st Apr 2024', '2024-04-01'],
    ['2nd September 2025', '2025-09-02'],
    ['23rd Sept 2025', '2025-09-23'],
    ['31st Dec 2030', '2030-12-31'],
    ['01-Apr-2024', '2024-04-01'],
    ['01-APR-24', '2024-04-01'],
    ['Monday, 1 April 2024', '2024-04-01'],
    ['April 1, 2024', '2024-04-01'],
    ['2024-04-01', '2024-04-01'],
    ['2024-4-1', '2024-04-01'],
    ['2024-04-01T00:00:00', '2024-04-01'],
    ['2024-04-01T23:30:00.000Z', '2024-04-01'],
    ['2024-04-01 09:15', '2024-04-01'],
    ['  01/04/2024\u00a0', '2024-04-01'],
    ['\uFEFF01/04/2024', '2024-04-01']
  ])('reads %j as %s', (input, expected) => {
    expect(parseUkDate(input)).toEqual({ ok: true, date: expected });
  });

  it.each(['', '   ', '\u00a0'])('treats blank %j as not given', (input) => {
    expect(parseUkDate(input)).toEqual({ ok: true, date: null });
  });
});

describe('parseUkDate: day first, always', () => {
  it.each([
    ['04/05/2024', '2024-05-04'],
    ['05/04/2024', '2024-04-05'],
    ['12/11/2024', '2024-11-12'],
    ['4/5/24', '2024-05-04']
  ])('reads ambiguous %s as UK order (%s)', (input, expected) => {
    expect(parseUkDate(input)).toEqual({ ok: true, date: expected });
  });

  it('refuses a US-order date that is impossible day first', () => {
    expect(parseUkDate('04/13/2024')).toMatchObject({ ok: false });
  });
});

describe('parseUkDate: two-digit years pivot at 70', () => {
  it.each([
    ['1/4/00', '2000-04-01'],
    ['31/03/35', '2035-03-31'],
    ['1/4/69', '2069-04-01'],
    ['1/4/70', '1970-04-01'],
    ['1/4/99', '1999-04-01'],
    ['1 Apr 35', '2035-04-01']
  ])('reads %s as %s', (input, expected) => {
    expect(parseUkDate(input)).toEqual({ ok: true, date: expected });
  });
});

describe('parseUkDate: leap days', () => {
  it.each([
    ['29/02/2024', '2024-02-29'],
    ['29 February 2000', '2000-02-29'],
    ['2028-02-29', '2028-02-29']
  ])('accepts %s', (input, expected) => {
    expect(parseUkDate(input)).toEqual({ ok: true, date: expected });
  });

  it.each([
    ['29/02/2023', 'February 2023'],
    ['29 Feb 1900', 'February 1900'],
    ['2100-02-29', 'February 2100']
  ])('refuses %s', (input, month) => {
    const result = parseUkDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`between 1 and 28 in ${month}`);
  });
});

describe('parseUkDate: Excel serial dates', () => {
  it.each<[string | number, string]>([
    [45383, '2024-04-01'],
    ['45383', '2024-04-01'],
    [45383.75, '2024-04-01'],
    ['45383.999', '2024-04-01'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [36526, '2000-01-01'],
    [MAX_EXCEL_SERIAL, '9999-12-31']
  ])('reads %j as %s', (input, expected) => {
    expect(parseUkDate(input)).toEqual({ ok: true, date: expected });
  });

  it.each<string | number>([60, '60', 60.5])('refuses %j, Excel’s 29 February 1900', (input) => {
    const result = parseUkDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('29 February 1900');
  });

  it.each<string | number>([0, '0', -1, MAX_EXCEL_SERIAL + 1, Number.NaN, Infinity])(
    'refuses %j, outside Excel’s dates',
    (input) => {
      expect(fromExcelSerial(Number(input)).ok).toBe(false);
      expect(parseUkDate(input).ok).toBe(false);
    }
  );

  it.each<string | number>(['2024', 2024, 1900, '2199'])('refuses %j as only a year', (input) => {
    const result = parseUkDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('only a year');
  });
});

describe('parseUkDate: rejections', () => {
  it.each([
    ['31/02/2027', 'between 1 and 28 in February 2027'],
    ['00/01/2024', 'between 1 and 31 in January 2024'],
    ['31/04/2024', 'between 1 and 30 in April 2024'],
    ['32 January 2024', 'between 1 and 31 in January 2024'],
    ['01/13/2024', 'month must be between 1 and 12'],
    ['01/00/2024', 'month must be between 1 and 12'],
    ['2024-13-01', 'month must be between 1 and 12'],
    ['2024-02-30', 'between 1 and 29 in February 2024'],
    ['not a date', 'not a date we recognise'],
    ['TBC', 'not a date we recognise'],
    ['1 Foo 2024', 'not a date we recognise'],
    ['1 Apri 2024', 'not a date we recognise'],
    ['01/04', 'not a date we recognise'],
    ['01/04/202', 'not a date we recognise'],
    ['2024/04/01/02', 'not a date we recognise'],
    ['-45383', 'not a date we recognise'],
    ['01/04/2024 to 31/03/2025', 'not a date we recognise']
  ])('refuses %j', (input, message) => {
    const result = parseUkDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(message);
      expect(result.message).toContain(`"${input}"`);
    }
  });

  it('shortens a long value in the message', () => {
    const result = parseUkDate('x'.repeat(200));
    expect(result).toEqual({
      ok: false,
      message: `"${'x'.repeat(40)}…" is not a date we recognise. Use a date like 01/04/2024, 1 April 2024 or 2024-04-01`
    });
  });
});

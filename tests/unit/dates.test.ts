import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  formatLongDate,
  isIsoDate,
  isLeapYear,
  todayUtc
} from '#lib/domain/dates.ts';

describe('isIsoDate', () => {
  it.each([
    ['2028-04-01', true],
    ['2028-02-29', true], // leap year
    ['2027-02-29', false],
    ['2100-02-29', false], // century, not a leap year
    ['2000-02-29', true], // divisible by 400
    ['2027-02-31', false],
    ['2027-13-01', false],
    ['2027-00-10', false],
    ['2027-04-31', false],
    ['31/02/2027', false],
    ['2027-4-1', false],
    ['', false],
    ['2027-04-01T00:00:00Z', false]
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('leap years and month lengths', () => {
  it.each([
    [2024, true],
    [2026, false],
    [1900, false],
    [2000, true]
  ])('isLeapYear(%i) is %s', (year, expected) => expect(isLeapYear(year)).toBe(expected));

  it.each([
    [2028, 2, 29],
    [2027, 2, 28],
    [2027, 4, 30],
    [2027, 12, 31]
  ])('daysInMonth(%i, %i) is %i', (y, m, d) => expect(daysInMonth(y, m)).toBe(d));
});

describe('addMonths clamps to the end of the month', () => {
  it.each([
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2027-03-31', -1, '2027-02-28'],
    ['2027-04-01', -12, '2026-04-01'],
    ['2027-12-15', 1, '2028-01-15'],
    ['2027-01-15', -1, '2026-12-15'],
    ['2027-05-31', 0, '2027-05-31'],
    ['2027-08-31', 18, '2029-02-28']
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('rejects an impossible date rather than guessing', () => {
    expect(() => addMonths('2027-02-31', 1)).toThrow(RangeError);
  });
});

describe('addDays and daysBetween', () => {
  it.each([
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2027-12-31', 1, '2028-01-01'],
    ['2027-03-28', 1, '2027-03-29'], // the clocks change in the UK; dates must not
    ['2027-10-31', -1, '2027-10-30'],
    ['2027-04-01', -90, '2027-01-01']
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-11-27', '2028-04-01', 491],
    ['2028-04-01', '2026-11-27', -491],
    ['2028-02-28', '2028-03-01', 2],
    ['2027-02-28', '2027-03-01', 1],
    ['2027-04-01', '2027-04-01', 0]
  ])('days from %s to %s = %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('formatting', () => {
  it('writes dates the GOV.UK way', () => {
    expect(formatLongDate('2028-04-01')).toBe('1 April 2028');
    expect(formatLongDate('2027-12-31')).toBe('31 December 2027');
  });

  it('takes today in UTC, not local time', () => {
    expect(todayUtc(new Date('2027-03-31T23:30:00Z'))).toBe('2027-03-31');
    expect(todayUtc(new Date('2027-06-30T23:30:00-01:00'))).toBe('2027-07-01');
  });
});

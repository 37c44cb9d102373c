import { describe, expect, it } from 'vitest';
import { parseDateParts } from '#lib/domain/date-input.ts';

describe('parseDateParts', () => {
  it.each([
    [['1', '4', '2028'], '2028-04-01'],
    [['01', '04', '2028'], '2028-04-01'],
    [[' 29 ', '2', '2028'], '2028-02-29'],
    [['1', 'April', '2028'], '2028-04-01'],
    [['1', 'apr', '2028'], '2028-04-01'],
    [['31', 'dec', '2030'], '2030-12-31']
  ])('%j → %s', ([d, m, y], expected) => {
    expect(parseDateParts('Vesting date', d!, m!, y!)).toEqual({ ok: true, date: expected });
  });

  it.each([
    [['', '', ''], 'Enter the vesting date', 'day'],
    [['', '4', '2028'], 'Vesting date must include a day', 'day'],
    [['1', '', '2028'], 'Vesting date must include a month', 'month'],
    [['1', '4', ''], 'Vesting date must include a year', 'year'],
    [['31', '2', '2027'], 'Vesting date must be a real date', 'day'],
    [['29', '2', '2027'], 'Vesting date must be a real date', 'day'],
    [['1', '13', '2028'], 'Vesting date must be a real date', 'day'],
    [['0', '4', '2028'], 'Vesting date must be a real date', 'day'],
    [['1', 'Smarch', '2028'], 'Vesting date must be a real date', 'day'],
    [['1', '4', '28'], 'Year must include 4 numbers', 'year'],
    [['1.5', '4', '2028'], 'Vesting date must be a real date', 'day'],
    [['<b>1</b>', '4', '2028'], 'Vesting date must be a real date', 'day']
  ])('%j → %s', ([d, m, y], message, part) => {
    expect(parseDateParts('Vesting date', d!, m!, y!)).toEqual({ ok: false, message, part });
  });
});

import { describe, expect, it } from 'vitest';
import { nextFirstOfApril, vestingCountdown } from '#lib/domain/vesting.ts';

describe('nextFirstOfApril', () => {
  it.each([
    ['2026-11-27', 15, '2028-04-01'],
    ['2026-12-31', 15, '2028-04-01'], // earliest 2028-03-31
    ['2027-01-01', 15, '2028-04-01'], // earliest 2028-04-01 itself
    ['2027-01-02', 15, '2029-04-01'],
    ['2027-04-01', 0, '2027-04-01'],
    ['2027-04-02', 0, '2028-04-01'],
    ['2027-11-30', 4, '2028-04-01'] // 30 Nov + 4 months = 30 Mar
  ])('from %s, at least %i months on → %s', (today, months, expected) => {
    expect(nextFirstOfApril(today, months)).toBe(expected);
  });
});

describe('vestingCountdown', () => {
  it.each([
    ['2028-03-31', 'before', 1, '1 day to vesting day'],
    ['2026-11-27', 'before', 491, '491 days to vesting day'],
    ['2028-04-01', 'day-one', 0, 'Vesting day is today'],
    ['2028-04-02', 'after', -1, '1 day since vesting day'],
    ['2029-04-01', 'after', -365, '365 days since vesting day']
  ])('on %s the phase is %s', (today, phase, days, label) => {
    expect(vestingCountdown(today, '2028-04-01')).toEqual({ phase, days, label });
  });
});

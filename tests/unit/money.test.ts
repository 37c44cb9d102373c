import { describe, expect, it } from 'vitest';
import { MAX_POUNDS_PENCE, parsePounds, penceForInput } from '#lib/domain/money.ts';

describe('parsePounds', () => {
  it.each([
    ['£1,234.56', 123_456],
    ['1234', 123_400],
    ['1234.5', 123_450],
    ['0', 0],
    ['£0.01', 1],
    ['.5', 50],
    ['  £ 12 500 ', 1_250_000],
    ['£1,000,000', 100_000_000],
    ['1.2m', 120_000_000],
    ['1.2M', 120_000_000],
    ['£1.2 million', 120_000_000],
    ['250k', 25_000_000],
    ['£3.5K', 350_000],
    ['£2bn', 200_000_000_000],
    ['0.3bn', 30_000_000_000],
    ['1.23456789m', 123_456_789],
    ['GBP 450', 45_000],
    ['10,000,000,000', MAX_POUNDS_PENCE],
    ['£10bn', MAX_POUNDS_PENCE],
    ['1.10', 110],
    ['1.500', 150],
    // Values that floating point gets wrong when multiplied: 0.29 * 100000 is 28999.999…
    ['0.29k', 29_000],
    ['19.99', 1_999],
    ['0.07', 7],
    ['1.1m', 110_000_000]
  ])('reads %j as %i pence', (input, pence) => {
    expect(parsePounds(input)).toEqual({ ok: true, pence });
  });

  it.each(['', '   ', '\u00a0'])('reads blank %j as not known', (input) => {
    expect(parsePounds(input)).toEqual({ ok: true, pence: null });
  });

  it.each([
    ['-5', 'Annual cost cannot be negative'],
    ['£-1,000', 'Annual cost cannot be negative'],
    ['−12', 'Annual cost cannot be negative'],
    ['(£500)', 'Annual cost cannot be negative'],
    ['£10,000,000,000.01', 'Annual cost must be £10 billion or less'],
    ['11bn', 'Annual cost must be £10 billion or less'],
    ['10000000001', 'Annual cost must be £10 billion or less'],
    ['9'.repeat(400), 'Annual cost must be £10 billion or less'],
    ['1.234', 'Annual cost can have no more than 2 decimal places, like £1,234.56'],
    ['1.234567891m', 'Annual cost must be a whole number of pence'],
    ['lots', 'Enter annual cost in pounds, like £12,500, 1234.56 or 1.2m'],
    ['£', 'Enter annual cost in pounds, like £12,500, 1234.56 or 1.2m'],
    ['12p', 'Enter annual cost in pounds, like £12,500, 1234.56 or 1.2m'],
    ['1e6', 'Enter annual cost in pounds, like £12,500, 1234.56 or 1.2m'],
    ['1,23', 'Enter annual cost in pounds, like £12,500, 1234.56 or 1.2m'],
    ['1.2.3', 'Enter annual cost in pounds, like £12,500, 1234.56 or 1.2m'],
    ['£1,234abc', 'Enter annual cost in pounds, like £12,500, 1234.56 or 1.2m'],
    ['m', 'Enter annual cost in pounds, like £12,500, 1234.56 or 1.2m'],
    ['$500', 'Enter annual cost in pounds, like £12,500, 1234.56 or 1.2m'],
    ['<script>alert(1)</script>', 'Enter annual cost in pounds, like £12,500, 1234.56 or 1.2m']
  ])('refuses %j: %s', (input, message) => {
    expect(parsePounds(input, 'Annual cost')).toEqual({ ok: false, message });
  });
});

describe('penceForInput', () => {
  it.each([
    [0, '0'],
    [5, '0.05'],
    [500, '5'],
    [123_456, '1,234.56'],
    [120_000_000, '1,200,000'],
    [MAX_POUNDS_PENCE, '10,000,000,000']
  ])('writes %i pence as %j, which reads back the same', (pence, text) => {
    expect(penceForInput(pence)).toBe(text);
    expect(parsePounds(text)).toEqual({ ok: true, pence });
  });
});

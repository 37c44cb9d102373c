import { describe, expect, it } from 'vitest';
import {
  checkContractDates,
  contractStatus,
  currentEnd,
  daysToNoticeDeadline,
  daysUntil,
  derivedMaximumEnd,
  endsWithin,
  extensionOptionsFromText,
  formatExtensionOptions,
  maximumEnd,
  maximumEndMismatch,
  monthsShortOf,
  NOTICE_DUE_DAYS,
  noticeDeadline,
  optionsReach,
  remainingMonths,
  remainingOptions,
  type ContractTerms
} from '#lib/domain/contracts.ts';

/** Options written as lengths in months, exercised ones marked with a trailing '*'. */
function terms(
  endDate: string | null,
  options: string[] = [],
  rest: Partial<ContractTerms> = {}
): ContractTerms {
  return {
    startDate: null,
    endDate,
    noticePeriodValue: null,
    noticePeriodUnit: null,
    maxEndDate: null,
    extensionOptions: options.map((o) => ({
      lengthMonths: Number(o.replace('*', '')),
      exercised: o.endsWith('*')
    })),
    ...rest
  };
}

const notice = (value: number, unit: 'days' | 'months') => ({
  noticePeriodValue: value,
  noticePeriodUnit: unit
});

describe('currentEnd', () => {
  it.each([
    ['2027-01-31', ['1*'], '2027-02-28'], // month end clamps
    ['2028-01-31', ['1*'], '2028-02-29'], // leap February
    ['2027-01-31', ['1*', '1*'], '2027-03-31'], // total months from the original end, not chained
    ['2027-04-30', ['10*'], '2028-02-29'],
    ['2028-02-29', ['12*'], '2029-02-28'], // leap day + 12 months
    ['2028-02-29', ['24*', '24*'], '2032-02-29'], // leap day + 48 months
    ['2028-02-29', ['12*', '12*', '12*', '12*'], '2032-02-29'], // chaining would give 28 Feb
    ['2027-03-31', ['24', '12', '12'], '2027-03-31'], // nothing exercised
    ['2027-03-31', ['24*', '12', '12'], '2029-03-31'],
    ['2027-03-31', ['24*', '12*', '12*'], '2031-03-31'],
    ['2027-03-31', ['24', '12*', '12'], '2028-03-31'], // exercised out of order still counts
    ['2027-03-31', ['24', '12', '12*'], '2028-03-31'],
    ['2027-03-31', [], '2027-03-31'],
    [null, ['12*'], null], // no end date
    ['2027-02-30', ['12*'], null] // not a real date is treated as missing
  ])('%s with options %j → %s', (end, options, expected) => {
    expect(currentEnd(terms(end, options))).toBe(expected);
  });
});

describe('maximum end', () => {
  it.each([
    // end, options, published, derived, maximum, mismatch
    ['2027-03-31', ['24', '12', '12'], null, '2031-03-31', '2031-03-31', false],
    ['2027-03-31', ['24*', '12', '12'], null, '2031-03-31', '2031-03-31', false],
    ['2027-03-31', ['24', '12', '12'], '2031-03-31', '2031-03-31', '2031-03-31', false],
    // The published date wins, even when it is earlier than the options suggest.
    ['2027-03-31', ['24', '12', '12'], '2030-03-31', '2031-03-31', '2030-03-31', true],
    // Published with no options recorded: the options are probably missing.
    ['2027-03-31', [], '2032-03-31', '2027-03-31', '2032-03-31', true],
    ['2028-02-29', ['12', '12', '12', '12'], null, '2032-02-29', '2032-02-29', false],
    [null, ['12'], '2030-01-01', null, '2030-01-01', false],
    [null, [], null, null, null, false]
  ])(
    'end %s, options %j, published %s → derived %s, maximum %s, mismatch %s',
    (end, options, published, derived, maximum, mismatch) => {
      const t = terms(end, options, { maxEndDate: published });
      expect(derivedMaximumEnd(t)).toBe(derived);
      expect(maximumEnd(t)).toBe(maximum);
      expect(maximumEndMismatch(t)).toBe(mismatch);
    }
  );
});

describe('remaining options', () => {
  it.each([
    [['24', '12', '12'], [0, 1, 2], 48],
    [['24*', '12', '6'], [1, 2], 18],
    [['24*', '12', '12*'], [1], 12],
    [['24*', '12*'], [], 0],
    [[], [], 0]
  ])('%j → positions %j, %i months', (options, positions, months) => {
    const t = terms('2027-03-31', options);
    expect(remainingOptions(t).map((o) => o.position)).toEqual(positions);
    expect(remainingMonths(t)).toBe(months);
  });

  it('reports each remaining option with its length', () => {
    expect(remainingOptions(terms('2027-03-31', ['24*', '12', '6']))).toEqual([
      { position: 1, lengthMonths: 12 },
      { position: 2, lengthMonths: 6 }
    ]);
  });
});

describe('noticeDeadline', () => {
  it.each([
    ['2027-03-31', [], 3, 'months', '2026-12-31'], // crosses the year end
    ['2027-03-31', [], 1, 'months', '2027-02-28'], // clamps to month end
    ['2028-03-31', [], 1, 'months', '2028-02-29'], // leap year
    ['2028-05-31', [], 3, 'months', '2028-02-29'],
    ['2027-03-31', ['12*'], 6, 'months', '2027-09-30'], // from the current (extended) end
    ['2027-03-31', ['12'], 6, 'months', '2026-09-30'], // unexercised options do not move it
    ['2027-01-15', [], 30, 'days', '2026-12-16'], // crosses the year end
    ['2028-03-01', [], 1, 'days', '2028-02-29'], // leap day
    ['2027-03-01', [], 1, 'days', '2027-02-28'],
    ['2028-03-31', [], 90, 'days', '2028-01-01'],
    ['2027-03-31', [], 0, 'days', '2027-03-31'], // no notice: the end date itself
    ['2027-03-31', [], 0, 'months', '2027-03-31']
  ] as const)('end %s, options %j, notice %i %s → %s', (end, options, value, unit, expected) => {
    expect(noticeDeadline(terms(end, [...options], notice(value, unit)))).toBe(expected);
  });

  it.each([
    ['no end date', terms(null, [], notice(3, 'months'))],
    ['no notice value', terms('2027-03-31', [], { noticePeriodUnit: 'months' })],
    ['no notice unit', terms('2027-03-31', [], { noticePeriodValue: 3 })],
    ['negative notice', terms('2027-03-31', [], notice(-1, 'days'))],
    ['fractional notice', terms('2027-03-31', [], notice(1.5, 'months'))]
  ])('is null with %s', (_, t) => {
    expect(noticeDeadline(t)).toBeNull();
  });
});

describe('daysUntil and daysToNoticeDeadline', () => {
  it.each([
    ['2027-01-01', '2027-01-31', 30],
    ['2027-01-31', '2027-01-01', -30],
    ['2027-01-01', '2027-01-01', 0],
    ['2026-12-31', '2027-01-01', 1],
    ['2028-02-28', '2028-03-01', 2], // leap year
    ['2027-02-28', '2027-03-01', 1],
    ['2027-01-01', null, null],
    ['2027-01-01', '2027-02-30', null]
  ])('from %s to %s → %s', (today, date, expected) => {
    expect(daysUntil(today, date)).toBe(expected);
  });

  it.each([
    ['2026-12-01', 30],
    ['2026-12-31', 0],
    ['2027-01-01', -1]
  ])('deadline 31 December 2026, today %s → %i', (today, expected) => {
    expect(daysToNoticeDeadline(terms('2027-03-31', [], notice(3, 'months')), today)).toBe(
      expected
    );
  });

  it('is null without a notice period', () => {
    expect(daysToNoticeDeadline(terms('2027-03-31'), '2026-12-01')).toBeNull();
  });
});

describe('optionsReach and monthsShortOf', () => {
  const vesting = '2028-04-01';
  it.each([
    ['2027-03-31', ['12'], null, false, 1], // one day short
    ['2027-04-01', ['12'], null, true, 0], // exactly on the target date
    ['2027-03-31', ['12', '12'], null, true, 0],
    ['2027-03-31', ['12*'], null, false, 1], // exercised options count once
    ['2027-03-31', [], '2028-04-01', true, 0], // published maximum reaches
    ['2027-03-31', ['24'], '2028-03-31', false, 1], // published maximum wins over options
    ['2026-03-31', [], null, false, 25], // 24 months lands one day short
    ['2027-04-01', [], null, false, 12],
    [null, ['24'], null, false, null]
  ])('end %s, options %j, published %s → reach %s, short %s', (end, options, max, reach, short) => {
    const t = terms(end, options, { maxEndDate: max });
    expect(optionsReach(t, vesting)).toBe(reach);
    expect(monthsShortOf(t, vesting)).toBe(short);
  });

  it.each([
    ['2028-02-29', '2028-03-30', 2], // one month lands on the 29th, a day short
    ['2028-01-31', '2028-02-29', 1], // clamped to the leap day, which is enough
    ['2028-01-31', '2028-03-01', 2]
  ])('maximum end %s is %i months short of %s', (max, target, expected) => {
    expect(monthsShortOf(terms(max), target)).toBe(expected);
  });
});

describe('endsWithin', () => {
  it.each([
    ['2027-10-01', '2028-04-01', 6, true], // exactly 6 months before
    ['2027-09-30', '2028-04-01', 6, false], // one day outside
    ['2028-10-01', '2028-04-01', 6, true], // exactly 6 months after
    ['2028-10-02', '2028-04-01', 6, false],
    ['2028-04-01', '2028-04-01', 0, true],
    ['2028-04-02', '2028-04-01', 0, false],
    ['2028-02-29', '2028-03-31', 1, true], // window clamps to the leap day
    ['2028-02-28', '2028-03-31', 1, false],
    ['2028-04-30', '2028-03-31', 1, true],
    ['2028-05-01', '2028-03-31', 1, false],
    ['2027-10-01', '2028-04-01', -6, true], // sign ignored
    [null, '2028-04-01', 6, false]
  ])('end %s, vesting %s, ±%i months → %s', (end, vesting, months, expected) => {
    expect(endsWithin(terms(end), vesting, months)).toBe(expected);
  });

  it('uses the end after exercised options', () => {
    expect(endsWithin(terms('2027-04-01', ['12*']), '2028-04-01', 0)).toBe(true);
    expect(endsWithin(terms('2027-04-01', ['12']), '2028-04-01', 0)).toBe(false);
  });
});

describe('contractStatus', () => {
  const today = '2027-01-01';
  const vesting = '2028-04-01';

  it('flags notice as due within NOTICE_DUE_DAYS days', () => {
    expect(NOTICE_DUE_DAYS).toBe(90);
  });

  it.each([
    ['no-end-date', terms(null, ['12*'], notice(1, 'days'))],
    ['ended', terms('2026-12-31')],
    ['ended', terms('2026-12-31', [], notice(6, 'months'))], // ended beats notice-passed
    ['lapses-before-vesting', terms('2027-01-01')], // runs on its last day
    ['notice-due', terms('2027-01-01', [], notice(0, 'days'))], // deadline today
    ['notice-passed', terms('2027-06-30', [], notice(6, 'months'))], // beats lapses-before-vesting
    ['notice-passed', terms('2029-04-01', [], notice(822, 'days'))], // deadline yesterday
    ['notice-due', terms('2027-04-01', [], notice(90, 'days'))], // deadline today
    ['notice-due', terms('2027-03-01', [], notice(30, 'days'))], // beats lapses-before-vesting
    ['notice-due', terms('2029-04-01', [], notice(24, 'months'))], // deadline in exactly 90 days
    ['running', terms('2029-04-02', [], notice(24, 'months'))], // deadline in 91 days
    ['lapses-before-vesting', terms('2028-03-31', [], notice(1, 'months'))],
    ['lapses-before-vesting', terms('2027-04-01', ['12'])], // unexercised options do not count
    ['running', terms('2027-04-01', ['12*', '12'])], // exercised options do
    ['running', terms('2028-04-01')], // runs on vesting day
    ['running', terms('2030-01-01', [], notice(3, 'months'))]
  ])('%s (case %#)', (expected, t) => {
    expect(contractStatus(t, today, vesting)).toBe(expected);
  });
});

describe('checkContractDates', () => {
  const base = terms('2027-03-31', ['24', '12'], {
    startDate: '2025-04-01',
    maxEndDate: '2030-03-31',
    ...notice(3, 'months')
  });
  const summary = (t: ContractTerms) =>
    checkContractDates(t).map((p) => `${p.severity}:${p.field}`);

  it.each([
    ['a consistent contract', {}, []],
    ['a one-day contract', { startDate: '2027-03-31', ...notice(0, 'days') }, []],
    ['nothing recorded', terms(null), []],
    ['start after end', { startDate: '2027-04-01' }, ['error:endDate']],
    ['start not a real date', { startDate: '2025-02-29' }, ['error:startDate']],
    ['end not a real date', { endDate: '2027-04-31' }, ['error:endDate']],
    [
      'maximum end not a real date',
      { maxEndDate: '2030-13-01' },
      ['error:maxEndDate'] // the invalid date is not also compared
    ],
    ['maximum end before end', { maxEndDate: '2027-03-30' }, ['error:maxEndDate']],
    ['maximum end differs from options', { maxEndDate: '2031-03-31' }, ['warning:maxEndDate']],
    ['negative notice', notice(-1, 'days'), ['error:noticePeriodValue']],
    ['fractional notice', notice(1.5, 'months'), ['error:noticePeriodValue']],
    ['notice with no unit', { noticePeriodUnit: null }, ['error:noticePeriodUnit']],
    ['unit with no notice', { noticePeriodValue: null }, ['error:noticePeriodValue']],
    [
      'notice longer than the contract',
      { startDate: '2027-01-01', ...notice(90, 'days') },
      ['warning:noticePeriodValue']
    ],
    ['notice exactly the contract', { startDate: '2027-01-01', ...notice(89, 'days') }, []],
    [
      'too many options',
      {
        extensionOptions: Array.from({ length: 11 }, () => ({ lengthMonths: 1, exercised: false })),
        maxEndDate: null
      },
      ['error:extensionOptions']
    ],
    [
      'a zero-length option',
      { extensionOptions: [{ lengthMonths: 0, exercised: false }], maxEndDate: null },
      ['error:extensionOptions']
    ],
    [
      'an option over 240 months',
      { extensionOptions: [{ lengthMonths: 241, exercised: false }], maxEndDate: null },
      ['error:extensionOptions']
    ]
  ] as [string, Partial<ContractTerms>, string[]][])('%s', (_, change, expected) => {
    expect(summary({ ...base, ...change })).toEqual(expected);
  });

  it('explains a mismatched maximum end with the derived date', () => {
    const [problem] = checkContractDates({ ...base, maxEndDate: '2031-03-31' });
    expect(problem?.message).toContain('31 March 2030');
  });

  it('warns when an option is exercised before an earlier one', () => {
    const problems = checkContractDates(terms('2027-03-31', ['24*', '12', '12*']));
    expect(problems).toEqual([
      {
        field: 'extensionOptions',
        severity: 'warning',
        message: expect.stringMatching(/Option 3 .* option 2 is not/)
      }
    ]);
    expect(checkContractDates(terms('2027-03-31', ['24*', '12*', '12']))).toEqual([]);
  });
});

describe('re-exported extension option helpers', () => {
  it('parse and format through the contracts module', () => {
    expect(extensionOptionsFromText('2+1+1 years')).toEqual({ ok: true, months: [24, 12, 12] });
    expect(formatExtensionOptions([18, 6])).toBe('18+6 months');
  });
});

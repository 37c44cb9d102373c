import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHECK_SETTINGS,
  evaluateChecks,
  type CheckId,
  type CheckStatus
} from '#lib/domain/checks/index.ts';
import { contract, snapshot, TODAY, type Overrides } from './fixture';

const check = (
  id: CheckId,
  overrides: Overrides,
  today = TODAY,
  settings = DEFAULT_CHECK_SETTINGS
) => evaluateChecks(snapshot(overrides), today, settings).find((r) => r.id === id)!;
const withContracts = (...contracts: ReturnType<typeof contract>[]): Overrides => ({
  snapshot: { contracts }
});

describe('no contract lapses', () => {
  it.each<[string, Overrides, CheckStatus]>([
    ['only decided or far-off contracts', {}, 'pass'],
    [
      'ends after the horizon (vesting + 12 months), undecided',
      withContracts(contract('x', 'alpha', { endDate: '2029-04-02' })),
      'pass'
    ],
    [
      'ended before today, undecided',
      withContracts(contract('x', 'alpha', { endDate: '2027-05-31' })),
      'pass'
    ],
    ['ends today, undecided', withContracts(contract('x', 'alpha', { endDate: TODAY })), 'fail'],
    [
      'ends on the horizon day, undecided',
      withContracts(contract('x', 'alpha', { endDate: '2029-04-01' })),
      'fail'
    ],
    [
      'extend, options reach the horizon',
      withContracts(
        contract(
          'x',
          'alpha',
          { endDate: '2028-06-30', extensionOptions: [{ lengthMonths: 12, exercised: false }] },
          'extend'
        )
      ),
      'pass'
    ],
    [
      'extend, options fall short: needs a variation',
      withContracts(
        contract(
          'x',
          'alpha',
          { endDate: '2028-06-30', extensionOptions: [{ lengthMonths: 6, exercised: false }] },
          'extend'
        )
      ),
      'warn'
    ],
    [
      'extend with no options left',
      withContracts(contract('x', 'beta', { endDate: '2028-06-30' }, 'extend')),
      'warn'
    ],
    ['no end date', withContracts(contract('x', 'beta', {})), 'unknown'],
    ['no contracts at all', withContracts(), 'unknown']
  ])('%s', (_name, overrides, expected) => {
    expect(check('contracts', overrides).status).toBe(expected);
  });

  it.each<[string, Parameters<typeof contract>[2], RegExp]>([
    [
      'deadline today',
      { endDate: '2027-09-01', noticePeriodValue: 3, noticePeriodUnit: 'months' },
      /notice deadline is today/
    ],
    [
      'deadline passed',
      { endDate: '2027-08-01', noticePeriodValue: 3, noticePeriodUnit: 'months' },
      /notice deadline passed on 1 May 2027/
    ],
    [
      'deadline in 90 days',
      { endDate: '2027-08-30', noticePeriodValue: 0, noticePeriodUnit: 'days' },
      /Urgent: notice deadline 30 August 2027, in 90 days/
    ],
    [
      'deadline in 91 days',
      { endDate: '2027-08-31', noticePeriodValue: 0, noticePeriodUnit: 'days' },
      /^Ends 31 August 2027 with no decision$/
    ]
  ])('an undecided contract with its %s', (_name, terms, detail) => {
    const r = check('contracts', withContracts(contract('x', 'alpha', terms)));
    expect(r.status).toBe('fail');
    expect(r.findings[0]!.detail).toMatch(detail);
  });

  it('lists the earliest notice deadline first and names the needed date', () => {
    const r = check(
      'contracts',
      withContracts(
        contract('late', 'alpha', {
          endDate: '2028-12-31',
          noticePeriodValue: 6,
          noticePeriodUnit: 'months'
        }),
        contract('soon', 'beta', {
          endDate: '2027-12-31',
          noticePeriodValue: 3,
          noticePeriodUnit: 'months'
        })
      )
    );
    expect(r.findings.map((f) => f.label.split(':')[0])).toEqual(['SOON', 'LATE']);
    expect(r.summary).toContain('1 April 2029');
    expect(r.perSuccessor?.map((p) => p.status)).toEqual(['fail', 'fail']);
  });

  it('follows the horizon setting, and vesting day on 29 February', () => {
    const overrides = {
      vestingDate: '2028-02-29',
      ...withContracts(contract('x', 'alpha', { endDate: '2029-02-28' }))
    };
    expect(check('contracts', overrides).status).toBe('fail');
    const six = { ...DEFAULT_CHECK_SETTINGS, contractHorizonMonths: 6 };
    expect(check('contracts', overrides, TODAY, six).status).toBe('pass');
  });
});

describe('no early digital savings', () => {
  const line = (programmeYear: number, category: 'digital' | 'other', amountPence = 1_000_00) => ({
    id: `l${programmeYear}${category}`,
    programmeYear,
    category,
    description: 'Line',
    amountPence
  });
  it.each<[string, ReturnType<typeof line>[], CheckStatus]>([
    ['digital savings from year 4', [line(1, 'other'), line(4, 'digital')], 'pass'],
    ['a zero digital line in year 1', [line(1, 'digital', 0)], 'pass'],
    ['digital savings in year 3 (first allowed year)', [line(3, 'digital')], 'warn'],
    ['digital savings in year 2', [line(1, 'other'), line(2, 'digital')], 'fail'],
    ['digital savings in year 1', [line(1, 'digital')], 'fail'],
    ['no savings lines', [], 'unknown']
  ])('%s', (_name, savings, expected) => {
    expect(check('savings', { snapshot: { savings } }).status).toBe(expected);
  });
});

describe('day one stays small', () => {
  const redesign = (start: string | null) => ({
    id: 'r',
    title: 'Redesign',
    serviceAreaId: null,
    start
  });
  it.each<[string, ReturnType<typeof redesign>[] | null, CheckStatus]>([
    ['no redesigns planned', [], 'pass'],
    ['starts on the day the window ends', [redesign('2029-04-01')], 'pass'],
    ['starts inside the stabilisation window', [redesign('2029-03-31')], 'warn'],
    ['starts on vesting day', [redesign('2028-04-01')], 'warn'],
    ['starts before vesting day', [redesign('2028-03-31')], 'fail'],
    ['no start date', [redesign(null)], 'unknown'],
    ['no roadmap', null, 'unknown']
  ])('%s', (_name, redesigns, expected) => {
    expect(check('day-one-small', { snapshot: { redesigns } }).status).toBe(expected);
  });

  it('measures the window from a 29 February vesting day', () => {
    const r = check('day-one-small', {
      vestingDate: '2028-02-29',
      stabilisationMonths: 12,
      snapshot: { redesigns: [redesign('2029-02-27')] }
    });
    expect(r.status).toBe('warn');
    expect(r.findings[0]!.detail).toContain('28 February 2029');
  });
});

describe('inventory completeness', () => {
  const base = snapshot();
  it.each<[string, Overrides, CheckStatus]>([
    ['complete', {}, 'pass'],
    [
      'a system without a service area',
      {
        snapshot: {
          systems: [
            ...base.systems,
            { id: 's', councilId: base.councils[3]!.id, serviceAreaId: null, name: 'Loose' }
          ]
        }
      },
      'warn'
    ],
    ['a contract without an end date', withContracts(contract('x', 'alpha', {})), 'warn'],
    ['a predecessor with no systems', { snapshot: { systems: base.systems.slice(0, 2) } }, 'fail'],
    [
      'a predecessor not linked to a successor',
      { snapshot: { successions: base.successions.slice(0, 3) } },
      'warn'
    ],
    ['no councils', { snapshot: { councils: [] } }, 'unknown']
  ])('%s', (_name, overrides, expected) => {
    expect(check('inventory', overrides).status).toBe(expected);
  });
});

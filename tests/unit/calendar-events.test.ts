import { describe, expect, it } from 'vitest';
import { calendarEvents, type FeedContract } from '#lib/domain/calendar-events.ts';
import type { ContractTerms } from '#lib/domain/contracts.ts';

const programme = {
  id: 'p1',
  name: 'Thornshire',
  vestingDate: '2028-02-29',
  updatedAt: new Date('2026-01-01T00:00:00Z')
};
const options = { today: '2026-11-27', programmeUrl: 'https://vd.example/programmes/thornshire' };

const contract = (id: string, over: Partial<ContractTerms> = {}): FeedContract => ({
  id,
  reference: id.toUpperCase(),
  title: 'ERP support',
  supplierName: 'Ledgerline Ltd',
  councilName: 'Aldmoor District Council',
  treatmentLabel: 'Undecided',
  updatedAt: new Date('2026-06-01T00:00:00Z'),
  terms: {
    startDate: null,
    endDate: '2028-03-31',
    noticePeriodValue: 3,
    noticePeriodUnit: 'months',
    maxEndDate: null,
    extensionOptions: [],
    ...over
  }
});

const dated = (contracts: FeedContract[], today = options.today) =>
  calendarEvents(programme, contracts, { ...options, today }).map((e) => [e.uid, e.date]);

describe('calendarEvents', () => {
  it.each([
    [
      'vesting day on 29 February, a notice deadline and an end, in date order',
      [contract('c1')],
      [
        ['notice-deadline-c1@vesting-day', '2027-12-31'],
        ['vesting-day-p1@vesting-day', '2028-02-29'],
        ['contract-end-c1@vesting-day', '2028-03-31']
      ]
    ],
    [
      'exercised options move the end and the deadline',
      [contract('c2', { extensionOptions: [{ lengthMonths: 12, exercised: true }] })],
      [
        ['vesting-day-p1@vesting-day', '2028-02-29'],
        ['notice-deadline-c2@vesting-day', '2028-12-31'],
        ['contract-end-c2@vesting-day', '2029-03-31']
      ]
    ],
    [
      'no notice period: only the end',
      [contract('c3', { noticePeriodValue: null, noticePeriodUnit: null })],
      [
        ['vesting-day-p1@vesting-day', '2028-02-29'],
        ['contract-end-c3@vesting-day', '2028-03-31']
      ]
    ],
    [
      'no end date: nothing for the contract',
      [contract('c4', { endDate: null })],
      [['vesting-day-p1@vesting-day', '2028-02-29']]
    ],
    [
      'a deadline today and an end exactly a year ago are kept; older dates are dropped',
      [
        contract('today', { endDate: '2027-02-27' }),
        contract('edge', {
          endDate: '2025-11-27',
          noticePeriodValue: null,
          noticePeriodUnit: null
        }),
        contract('old', { endDate: '2025-10-31', noticePeriodValue: 1 })
      ],
      [
        ['contract-end-edge@vesting-day', '2025-11-27'],
        ['notice-deadline-today@vesting-day', '2026-11-27'],
        ['contract-end-today@vesting-day', '2027-02-27'],
        ['vesting-day-p1@vesting-day', '2028-02-29']
      ]
    ]
  ])('%s', (_, contracts, expected) => {
    const got = dated(contracts);
    const cut = '2025-11-27';
    expect(got.every(([, date]) => date! >= cut)).toBe(true);
    expect(got).toEqual(expected);
  });

  it('says which contract, supplier and council, and links to it', () => {
    const [notice] = calendarEvents(programme, [contract('c1')], options);
    expect(notice).toMatchObject({
      summary: 'Notice deadline: C1 ERP support (Ledgerline Ltd)',
      url: 'https://vd.example/programmes/thornshire/contracts/c1',
      stamp: new Date('2026-06-01T00:00:00Z')
    });
    expect(notice!.description.split('\n')).toEqual([
      'Last day to give notice on this contract.',
      '',
      'Contract: C1: ERP support',
      'Supplier: Ledgerline Ltd',
      'Council: Aldmoor District Council',
      'Decision: Undecided',
      'Current end: 31 March 2028',
      'Notice deadline: 31 December 2027',
      '',
      'https://vd.example/programmes/thornshire/contracts/c1'
    ]);
  });

  it('keeps vesting day out once it is more than a year past', () => {
    expect(dated([], '2029-03-01')).toEqual([]);
    expect(dated([], '2029-02-28')).toEqual([['vesting-day-p1@vesting-day', '2028-02-29']]);
  });
});

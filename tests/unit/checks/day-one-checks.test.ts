import { describe, expect, it } from 'vitest';
import { evaluateChecks, type CheckId, type CheckStatus } from '#lib/domain/checks/index.ts';
import { COUNCILS, snapshot, TODAY, type Overrides } from './fixture';

const status = (id: CheckId, overrides: Overrides, today = TODAY) =>
  evaluateChecks(snapshot(overrides), today).find((r) => r.id === id)!;

describe('one tenancy by day one', () => {
  it.each<[string, Overrides, CheckStatus]>([
    ['all in the target tenant', {}, 'pass'],
    [
      'migration planned well before vesting day',
      { facts: { alpha: { tenancyStatus: 'migration_planned', tenancyDate: '2027-12-01' } } },
      'pass'
    ],
    [
      'migration planned 10 days before vesting day (inside the margin)',
      { facts: { alpha: { tenancyStatus: 'migration_planned', tenancyDate: '2028-03-22' } } },
      'warn'
    ],
    [
      'migration planned on vesting day itself',
      { facts: { alpha: { tenancyStatus: 'migration_planned', tenancyDate: '2028-04-01' } } },
      'warn'
    ],
    [
      'planned date in the past, still only planned',
      { facts: { alpha: { tenancyStatus: 'migration_planned', tenancyDate: '2027-05-01' } } },
      'warn'
    ],
    [
      'cross-tenant collaboration only',
      { facts: { beta: { tenancyStatus: 'cross_tenant' } } },
      'warn'
    ],
    [
      'migration planned after vesting day',
      { facts: { alpha: { tenancyStatus: 'migration_planned', tenancyDate: '2028-04-02' } } },
      'fail'
    ],
    ['migration not started', { facts: { county: { tenancyStatus: 'not_started' } } }, 'fail'],
    ['status recorded as unknown', { facts: { alpha: { tenancyStatus: 'unknown' } } }, 'unknown'],
    ['a council with no data', { facts: { beta: { tenancyStatus: null } } }, 'unknown'],
    [
      'planned with no date',
      { facts: { alpha: { tenancyStatus: 'migration_planned', tenancyDate: null } } },
      'unknown'
    ],
    ['successor with no target tenant', { facts: { north: { targetTenant: null } } }, 'unknown'],
    [
      'a failure outweighs an unknown',
      { facts: { alpha: { tenancyStatus: null }, beta: { tenancyStatus: 'not_started' } } },
      'fail'
    ]
  ])('%s', (_name, overrides, expected) => {
    expect(status('tenancy', overrides).status).toBe(expected);
  });

  it('judges a split county against both successors', () => {
    const r = status('tenancy', { facts: { county: { tenancyStatus: 'cross_tenant' } } });
    expect(r.perSuccessor?.map((s) => s.status)).toEqual(['warn', 'warn']);
  });

  it('handles a vesting day on 29 February and on a Saturday', () => {
    const leap = {
      vestingDate: '2028-02-29',
      facts: { alpha: { tenancyStatus: 'migration_planned' as const, tenancyDate: '2028-02-29' } }
    };
    expect(status('tenancy', leap).status).toBe('warn');
    // 1 April 2028 is a Saturday; a migration the day after fails.
    const weekend = {
      facts: { alpha: { tenancyStatus: 'migration_planned' as const, tenancyDate: '2028-04-02' } }
    };
    expect(status('tenancy', weekend).status).toBe('fail');
  });
});

describe('one finance system per successor', () => {
  it.each<[string, Overrides, CheckStatus]>([
    ['all migrated in good time', {}, 'pass'],
    [
      'hosted by another council under an agreement',
      {
        facts: {
          beta: {
            financeMove: 'hosted',
            financeHostCouncilId: COUNCILS.county,
            financeDate: '2028-01-01'
          }
        }
      },
      'warn'
    ],
    ['move inside the margin', { facts: { alpha: { financeDate: '2028-03-25' } } }, 'warn'],
    ['move after vesting day', { facts: { alpha: { financeDate: '2028-04-02' } } }, 'fail'],
    ['no move planned', { facts: { beta: { financeMove: 'not_planned' } } }, 'fail'],
    ['no day-one system designated', { facts: { south: { financeSystemId: null } } }, 'unknown'],
    [
      'designated system deleted from the inventory',
      { facts: { south: { financeSystemId: 'gone' } } },
      'unknown'
    ],
    ['how finance moves not recorded', { facts: { county: { financeMove: null } } }, 'unknown'],
    ['move with no date', { facts: { county: { financeDate: null } } }, 'unknown']
  ])('%s', (_name, overrides, expected) => {
    expect(status('finance', overrides).status).toBe(expected);
  });

  it('a move on vesting day itself is inside the margin, not after it', () => {
    expect(status('finance', { facts: { alpha: { financeDate: '2028-04-01' } } }).status).toBe(
      'warn'
    );
  });
});

describe('one website front door', () => {
  it.each<[string, Overrides, CheckStatus]>([
    ['all live and redirected', {}, 'pass'],
    [
      'redirects planned in good time',
      { facts: { alpha: { redirectPlan: 'planned', redirectDate: '2028-02-01' } } },
      'pass'
    ],
    ['go-live inside the margin', { facts: { north: { websiteGoLive: '2028-03-30' } } }, 'warn'],
    [
      'residents not routed to legacy services',
      { facts: { beta: { legacyRouting: false } } },
      'warn'
    ],
    ['go-live after vesting day', { facts: { south: { websiteGoLive: '2028-05-01' } } }, 'fail'],
    ['no redirects planned', { facts: { county: { redirectPlan: 'none' } } }, 'fail'],
    [
      'redirects after vesting day',
      { facts: { alpha: { redirectPlan: 'planned', redirectDate: '2028-04-03' } } },
      'fail'
    ],
    ['no successor website', { facts: { north: { websiteUrl: null } } }, 'unknown'],
    ['no go-live date', { facts: { north: { websiteGoLive: null } } }, 'unknown'],
    ['legacy routing not known', { facts: { alpha: { legacyRouting: null } } }, 'unknown'],
    ['redirect plan not recorded', { facts: { alpha: { redirectPlan: null } } }, 'unknown']
  ])('%s', (_name, overrides, expected) => {
    expect(status('website', overrides).status).toBe(expected);
  });
});

describe('security basics', () => {
  const withStatus = (
    status: 'met' | 'in_progress' | 'not_met' | 'not_applicable',
    expiryDate: string | null
  ): Overrides => {
    const base = snapshot();
    return {
      snapshot: {
        securityStatuses: base.securityStatuses.map((s) =>
          s.councilId === COUNCILS.alpha && s.controlId === 'ceplus'
            ? { ...s, status, expiryDate }
            : s
        )
      }
    };
  };

  it.each<[string, Overrides, CheckStatus]>([
    ['all met, certificates valid well after vesting day', {}, 'pass'],
    ['not applicable', withStatus('not_applicable', null), 'pass'],
    ['met, expires the day the window closes', withStatus('met', '2028-10-01'), 'pass'],
    ['met, expires the day before the window closes', withStatus('met', '2028-09-30'), 'warn'],
    ['in progress', withStatus('in_progress', null), 'warn'],
    ['met, expires on vesting day', withStatus('met', '2028-04-01'), 'fail'],
    ['met, already expired', withStatus('met', '2027-01-01'), 'fail'],
    ['not met', withStatus('not_met', null), 'fail'],
    [
      'a council with no data',
      {
        snapshot: {
          securityStatuses: snapshot().securityStatuses.filter((s) => s.councilId !== COUNCILS.beta)
        }
      },
      'unknown'
    ],
    ['an empty catalogue', { snapshot: { securityControls: [] } }, 'unknown'],
    ['nothing recorded anywhere', { snapshot: { securityStatuses: [] } }, 'unknown']
  ])('%s', (_name, overrides, expected) => {
    expect(status('security', overrides).status).toBe(expected);
  });

  it('names the missing controls of a partly recorded council', () => {
    const s = snapshot();
    const r = status('security', {
      snapshot: {
        securityStatuses: s.securityStatuses.filter(
          (x) => !(x.councilId === COUNCILS.beta && x.controlId === 'mfa')
        )
      }
    });
    expect(r.findings).toEqual([
      expect.objectContaining({ label: 'Beta', detail: 'Not recorded: MFA for all staff' })
    ]);
    expect(r.perSuccessor?.map((p) => [p.name, p.status])).toEqual([
      ['North', 'pass'],
      ['South', 'unknown']
    ]);
  });
});

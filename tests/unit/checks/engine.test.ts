import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHECK_SETTINGS,
  evaluateChecks,
  readinessOf,
  type CheckId,
  type CheckStatus
} from '#lib/domain/checks/index.ts';
import { countStatuses, verdictOf, worst } from '#lib/domain/checks/status.ts';
import { checksTable } from '#lib/domain/checks/export.ts';
import { tableToCsv } from '#lib/domain/export/index.ts';
import { snapshot, TODAY, COUNCILS } from './fixture';

const byId = (id: CheckId, ...args: Parameters<typeof snapshot>) =>
  evaluateChecks(snapshot(...args), TODAY).find((r) => r.id === id)!;

describe('the engine as a whole', () => {
  it('passes every check on the all-good fixture', () => {
    const results = evaluateChecks(snapshot(), TODAY, DEFAULT_CHECK_SETTINGS);
    expect(results.map((r) => [r.id, r.status])).toEqual(
      [
        'tenancy',
        'finance',
        'security',
        'website',
        'contracts',
        'savings',
        'day-one-small',
        'inventory'
      ].map((id) => [id, 'pass'])
    );
    expect(readinessOf(results).verdict).toBe('ready');
  });

  it('says "not known" for every check of an empty programme, never pass', () => {
    const empty = snapshot({
      snapshot: {
        councils: [],
        successions: [],
        systems: [],
        contracts: [],
        facts: [],
        securityControls: [],
        securityStatuses: [],
        savings: [],
        redesigns: null
      }
    });
    const results = evaluateChecks(empty, TODAY);
    expect(results.every((r) => r.status === 'unknown')).toBe(true);
    expect(readinessOf(results).verdict).toBe('not-enough-data');
  });

  it('is pure: the same input gives the same output', () => {
    const s = snapshot({ facts: { alpha: { tenancyStatus: 'not_started' } } });
    expect(evaluateChecks(s, TODAY)).toEqual(evaluateChecks(s, TODAY));
  });

  it('links every finding to a page of the programme', () => {
    const s = snapshot({
      facts: { alpha: { tenancyStatus: null, financeMove: null, redirectPlan: null } },
      snapshot: { redesigns: null, savings: [] }
    });
    for (const r of evaluateChecks(s, TODAY)) {
      for (const f of r.findings) expect(f.href).toMatch(/^\/programmes\/test\//);
    }
  });

  it('gives a split county’s failure to both successors, and a district’s only to its own', () => {
    const county = readinessOf(
      evaluateChecks(snapshot({ facts: { county: { tenancyStatus: 'not_started' } } }), TODAY)
    );
    expect(county.successors.map((s) => [s.name, s.verdict])).toEqual([
      ['North', 'not-ready'],
      ['South', 'not-ready']
    ]);
    const alpha = readinessOf(
      evaluateChecks(snapshot({ facts: { alpha: { tenancyStatus: 'not_started' } } }), TODAY)
    );
    expect(alpha.verdict).toBe('not-ready');
    expect(alpha.successors.map((s) => [s.name, s.verdict])).toEqual([
      ['North', 'not-ready'],
      ['South', 'ready']
    ]);
  });

  it('orders findings: fail, then unknown, then warn, earliest first', () => {
    const r = byId('tenancy', {
      facts: {
        county: { tenancyStatus: 'cross_tenant' },
        alpha: { tenancyStatus: null },
        beta: { tenancyStatus: 'not_started' }
      }
    });
    expect(r.findings.map((f) => f.severity)).toEqual(['fail', 'unknown', 'warn']);
    expect(r.perSuccessor?.find((s) => s.successorId === COUNCILS.south)?.status).toBe('fail');
  });
});

describe('statuses combine', () => {
  it.each<[CheckStatus[], CheckStatus, string]>([
    [[], 'pass', 'ready'],
    [['pass', 'pass'], 'pass', 'ready'],
    [['pass', 'warn'], 'warn', 'at-risk'],
    [['warn', 'unknown'], 'unknown', 'not-enough-data'],
    [['unknown', 'fail', 'warn'], 'fail', 'not-ready']
  ])('%j → %s, %s', (statuses, status, verdict) => {
    expect(worst(statuses)).toBe(status);
    expect(verdictOf(statuses)).toBe(verdict);
  });

  it('counts statuses', () => {
    expect(countStatuses(['pass', 'fail', 'pass', 'unknown'])).toEqual({
      pass: 2,
      warn: 0,
      fail: 1,
      unknown: 1
    });
  });
});

describe('CSV export', () => {
  it('writes a row per finding with the verdict on top', () => {
    const results = evaluateChecks(
      snapshot({ facts: { alpha: { tenancyStatus: 'not_started' } } }),
      TODAY
    );
    const csv = tableToCsv(checksTable(results, readinessOf(results), TODAY));
    expect(csv.split('\r\n')[1]).toBe(`Overall verdict,Not ready,As of ${TODAY},,,,`);
    expect(csv).toContain(
      'One Microsoft 365 tenancy by day one,Failed,2 of 3 predecessor councils on track; 1 failing for one tenancy by vesting day,Alpha,Failed,Migration to the target tenant has not started,/programmes/test/checks/facts/councils/'
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  defaultShareExpiry,
  latestShareExpiry,
  shareExpiryProblem,
  shareLinkStatus
} from '$lib/domain/present/share-links';
import { sharedPlanSchema } from '$lib/schemas/share';

describe('share link expiry', () => {
  it.each([
    ['2026-11-27', '2026-12-27'],
    ['2028-02-01', '2028-03-02'],
    ['2026-12-15', '2027-01-14']
  ])('defaults 30 days on from %s', (today, expected) => {
    expect(defaultShareExpiry(today)).toBe(expected);
  });

  it.each([
    ['2026-11-27', '2027-11-27'],
    // A leap day inside the year: still 366 days of links, ending the same calendar day.
    ['2027-03-01', '2028-02-29']
  ])('allows a year at most from %s', (today, latest) => {
    expect(latestShareExpiry(today)).toBe(latest);
  });

  it.each([
    ['2026-11-26', 'The expiry date must be today or in the future'],
    ['2026-11-27', null],
    ['2027-11-27', null],
    ['2027-11-28', 'The expiry date must be within a year']
  ])('expiry %s made on 2026-11-27 → %s', (expiresOn, problem) => {
    expect(shareExpiryProblem(expiresOn, '2026-11-27')).toBe(problem);
  });
});

describe('shareLinkStatus', () => {
  const revokedAt = new Date('2026-11-20T10:00:00Z');
  it.each([
    { expiresOn: '2026-11-27', revokedAt: null, today: '2026-11-27', status: 'active' },
    { expiresOn: '2026-11-27', revokedAt: null, today: '2026-11-28', status: 'expired' },
    { expiresOn: '2026-12-31', revokedAt, today: '2026-11-27', status: 'revoked' },
    // Both: revoked says more than expired.
    { expiresOn: '2026-11-01', revokedAt, today: '2026-11-27', status: 'revoked' }
  ])('$expiresOn revoked=$revokedAt on $today is $status', ({ today, status, ...link }) => {
    expect(shareLinkStatus(link, today)).toBe(status);
  });
});

describe('sharedPlanSchema', () => {
  const id = '0b7c2f9e-4a1d-4e8b-9c3f-2d6a5b8e1f00';
  it.each([
    [`scenario:${id}`, { kind: 'scenario', id }],
    [`approval:${id}`, { kind: 'approval', id }],
    [` approval:${id} `, { kind: 'approval', id }]
  ])('reads %j', (value, expected) => {
    expect(sharedPlanSchema.parse(value)).toEqual(expected);
  });

  it.each([
    [''],
    [id],
    [`baseline:${id}`],
    [`approval:${id}:extra`],
    ['approval:not-a-uuid'],
    ['scenario:'],
    [undefined]
  ])('refuses %j', (value) => {
    const result = sharedPlanSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Choose what to share');
  });
});

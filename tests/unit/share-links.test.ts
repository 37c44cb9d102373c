import { describe, expect, it } from 'vitest';
import {
  defaultShareExpiry,
  latestShareExpiry,
  shareCreatorStanding,
  shareExpiryProblem,
  shareLinkStatus
} from '#lib/domain/present/share-links.ts';
import { memberRemovalSchema } from '#lib/schemas/member-removal.ts';
import { sharedPlanSchema } from '#lib/schemas/share.ts';
import { shareLinkMaker } from '#lib/share-link-text.ts';

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

describe('shareCreatorStanding', () => {
  it.each([
    [{ role: 'owner', disabled: false }, 'can-share'],
    [{ role: 'editor', disabled: false }, 'can-share'],
    [{ role: 'viewer', disabled: false }, 'viewer'],
    [{ role: null, disabled: false }, 'not-member'],
    // A disabled account says more than its role, whatever that is.
    [{ role: 'owner', disabled: true }, 'disabled'],
    [{ role: null, disabled: true }, 'disabled'],
    [null, 'unknown']
  ] as const)('%j → %s', (creator, standing) => {
    expect(shareCreatorStanding(creator)).toBe(standing);
  });

  it.each([
    [{ createdBy: 'Ann Lee', creatorStanding: 'can-share' }, 'Ann Lee'],
    [{ createdBy: 'Ann Lee', creatorStanding: 'not-member' }, 'Ann Lee (no longer a member)'],
    [
      { createdBy: 'Ann Lee', creatorStanding: 'viewer' },
      'Ann Lee (now a viewer, who cannot share)'
    ],
    [{ createdBy: 'Ann Lee', creatorStanding: 'disabled' }, 'Ann Lee (account disabled)'],
    [{ createdBy: null, creatorStanding: 'unknown' }, 'Not known (account deleted)']
  ] as const)('names the maker of %j as %j', (link, text) => {
    expect(shareLinkMaker(link)).toBe(text);
  });
});

describe('memberRemovalSchema', () => {
  it.each([
    [{ revokeShareLinks: 'yes' }, true],
    // An unticked box sends nothing: the links are kept.
    [{}, false]
  ])('%j → revoke %s', (form, revoke) => {
    expect(memberRemovalSchema.parse(form)).toEqual({ revokeShareLinks: revoke });
  });

  it.each([[{ revokeShareLinks: 'no' }], [{ revokeShareLinks: '' }], [{ revokeShareLinks: 'on' }]])(
    'refuses %j with a message',
    (form) => {
      const result = memberRemovalSchema.safeParse(form);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(
        'Tick the box to revoke their share links, or leave it empty'
      );
    }
  );
});

import { describe, expect, it } from 'vitest';
import { error, redirect } from '@sveltejs/kit';
import { loggablePath, statusOfThrown } from '#lib/server/request-log.ts';

describe('loggablePath', () => {
  it.each([
    ['/calendar/abcdefghijklmnopqrstuvwxyz234567.ics', '/calendar/[token].ics'],
    ['/calendar/anything-at-all.ics', '/calendar/[token].ics'],
    ['/programmes/demo/calendar', '/programmes/demo/calendar'],
    ['/programmes/demo/contracts/runway', '/programmes/demo/contracts/runway'],
    ['/calendar/a/b.ics', '/calendar/a/b.ics'],
    ['/share/AbCdEfGhIjKlMnOp', '/share/[token]'],
    ['/share/AbCdEfGhIjKlMnOp/__data.json', '/share/[token]'],
    ['/programmes/demo/roadmap/share', '/programmes/demo/roadmap/share']
  ])('%s is logged as %s', (path, logged) => {
    expect(loggablePath(path)).toBe(logged);
  });
});

describe('statusOfThrown', () => {
  const thrown = (f: () => never) => {
    try {
      f();
    } catch (e) {
      return e;
    }
  };
  it.each([
    ['a redirect to sign in', thrown(() => redirect(303, '/login')), 303],
    ['a 404', thrown(() => error(404, 'Not found')), 404],
    ['a 403', thrown(() => error(403, 'Forbidden')), 403],
    ['a bug', new TypeError('x is undefined'), 500],
    ['a thrown string', 'oops', 500]
  ])('%s is logged with status %s', (_what, value, status) => {
    expect(statusOfThrown(value)).toBe(status);
  });
});

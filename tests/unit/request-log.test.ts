import { describe, expect, it } from 'vitest';
import { loggablePath } from '$lib/server/request-log';

describe('loggablePath', () => {
  it.each([
    ['/calendar/abcdefghijklmnopqrstuvwxyz234567.ics', '/calendar/[token].ics'],
    ['/calendar/anything-at-all.ics', '/calendar/[token].ics'],
    ['/programmes/demo/calendar', '/programmes/demo/calendar'],
    ['/programmes/demo/contracts/runway', '/programmes/demo/contracts/runway'],
    ['/calendar/a/b.ics', '/calendar/a/b.ics']
  ])('%s is logged as %s', (path, logged) => {
    expect(loggablePath(path)).toBe(logged);
  });
});

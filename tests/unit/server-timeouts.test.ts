import { describe, expect, it } from 'vitest';
import { serverTimeouts, TIMEOUT_DEFAULTS } from '../../scripts/server-timeouts.js';

describe('serverTimeouts', () => {
  it.each([
    ['nothing set: the defaults', {}, [20_000, 300_000, 5_000]],
    [
      'empty values: the defaults',
      { HEADERS_TIMEOUT: '', REQUEST_TIMEOUT: ' ' },
      [20_000, 300_000, 5_000]
    ],
    [
      'each in seconds',
      { HEADERS_TIMEOUT: '10', REQUEST_TIMEOUT: '600', KEEP_ALIVE_TIMEOUT: '65' },
      [10_000, 600_000, 65_000]
    ],
    [
      '0 turns a limit off',
      { HEADERS_TIMEOUT: '0', REQUEST_TIMEOUT: '0', KEEP_ALIVE_TIMEOUT: '0' },
      [0, 0, 0]
    ],
    ['spaces around a number', { REQUEST_TIMEOUT: ' 120 ' }, [20_000, 120_000, 5_000]]
  ])('%s', (_what, env, [headers, request, keepAlive]) => {
    expect(serverTimeouts(env)).toEqual({
      headersTimeout: headers,
      requestTimeout: request,
      keepAliveTimeout: keepAlive
    });
  });

  it.each([
    ['HEADERS_TIMEOUT', '20s'],
    ['REQUEST_TIMEOUT', '-1'],
    ['KEEP_ALIVE_TIMEOUT', '2.5'],
    ['HEADERS_TIMEOUT', 'off']
  ])('refuses %s=%s with a message naming it', (name, value) => {
    expect(() => serverTimeouts({ [name]: value })).toThrow(
      `${name} must be a whole number of seconds (0 for no limit), not "${value}".`
    );
  });

  it('lets the largest accepted body (30 MB) through at 1 Mbit/s by default', () => {
    const seconds = (30 * 1024 * 1024 * 8) / 1_000_000;
    expect(seconds).toBeLessThan(TIMEOUT_DEFAULTS.REQUEST_TIMEOUT);
  });
});

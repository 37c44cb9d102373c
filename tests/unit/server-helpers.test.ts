import { describe, expect, it } from 'vitest';
import { readConfig } from '#lib/server/config.ts';
import { escapeForLog, formatLogRecord, type LogRecord } from '#lib/server/log.ts';
import { fieldErrors } from '#lib/schemas/form.ts';
import { roleAllows } from '#lib/server/access.ts';
import { safeSheetName } from '#lib/server/export/xlsx.ts';
import { z } from 'zod';

describe('readConfig', () => {
  it('defaults to the embedded database with demo data', () => {
    expect(readConfig({})).toEqual({ DATA_DIR: 'data', SEED_DEMO: true, DATABASE_POOL_SIZE: 10 });
  });

  it.each([
    [{ SEED_DEMO: 'false' }, { SEED_DEMO: false }],
    [{ SEED_DEMO: '0' }, { SEED_DEMO: false }],
    [{ DATABASE_URL: 'postgres://u@h/db' }, { DATABASE_URL: 'postgres://u@h/db' }],
    [{ DATABASE_URL: '' }, { DATABASE_URL: undefined }]
  ])('%j', (env, expected) => {
    expect(readConfig(env)).toMatchObject(expected);
  });

  it.each([
    [{ SEED_DEMO: 'maybe' }, /SEED_DEMO/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres/],
    [{ DATABASE_POOL_SIZE: '0' }, /DATABASE_POOL_SIZE/]
  ])('refuses %j with a message naming the setting', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});

describe('escapeForLog', () => {
  it('cannot forge a new log line', () => {
    expect(escapeForLog('evil\nDemo sign-in: x / y')).toBe('evil\\u000aDemo sign-in: x / y');
    expect(escapeForLog('\u001b[31mred')).toBe('\\u001b[31mred');
    expect(escapeForLog('plain £ text')).toBe('plain £ text');
  });
});

describe('formatLogRecord', () => {
  const record: LogRecord = {
    time: '2026-11-27T08:00:00.000Z',
    level: 'info',
    msg: 'request',
    path: '/x\ny\u2028z',
    status: 200,
    user: undefined
  };

  it('writes one JSON object per line that a log shipper can parse back', () => {
    const line = formatLogRecord(record, undefined);
    expect(line).not.toMatch(/[\n\u2028\u2029]/);
    expect(JSON.parse(line)).toEqual({
      time: '2026-11-27T08:00:00.000Z',
      level: 'info',
      msg: 'request',
      path: '/x\ny\u2028z',
      status: 200
    });
  });

  it('writes escaped plain lines when LOG_FORMAT=text', () => {
    expect(formatLogRecord(record, 'text')).toBe(
      '2026-11-27T08:00:00.000Z INFO request path=/x\\u000ay\\u2028z status=200'
    );
  });
});

describe('fieldErrors', () => {
  it('keeps the first message per field', () => {
    const schema = z.object({
      a: z.string().min(2, 'too short').regex(/x/, 'no x'),
      b: z.number()
    });
    const result = schema.safeParse({ a: 'y', b: 'nope' });
    expect(fieldErrors(result.error!)).toEqual({ a: 'too short', b: expect.any(String) });
  });
});

describe('roleAllows', () => {
  it.each([
    ['viewer', 'viewer', true],
    ['viewer', 'editor', false],
    ['editor', 'editor', true],
    ['editor', 'owner', false],
    ['owner', 'editor', true]
  ] as const)('%s may act as %s: %s', (role, needed, expected) => {
    expect(roleAllows(role, needed)).toBe(expected);
  });
});

describe('safeSheetName', () => {
  it.each([
    ['Items', 'Items'],
    ['Q1/Q2: [draft]?', 'Q1 Q2   draft  '],
    ['Plan\u001b\u0001 B', 'Plan B'],
    // 30 letters then 🏛 (two UTF-16 units): the cut at 31 leaves half of it, which goes.
    [`${'x'.repeat(30)}🏛`, 'x'.repeat(30)],
    ['\u0007', 'Sheet1'],
    ['', 'Sheet1']
  ])('%j → %j', (name, expected) => {
    expect(safeSheetName(name)).toBe(expected);
  });
});

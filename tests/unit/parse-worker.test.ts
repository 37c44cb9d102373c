import { describe, expect, it } from 'vitest';
import { refusals } from '#lib/server/import/limits.ts';
import { runParseJob } from '#lib/server/workers/run.ts';
import { contractRegister } from '../reliability/support/register';

/**
 * The parse worker as the server starts it (under vitest the plugin bundles it as it does
 * for `vite dev`): a register comes back prepared, and a job that runs out of its time or
 * memory is stopped with a message rather than an error.
 */
const csv = (rows: number) => new Uint8Array(contractRegister(rows));

describe('runParseJob', () => {
  it('reads a register in the worker and hands back its rows as JSON', async () => {
    const result = await runParseJob({
      kind: 'upload',
      importKind: 'contracts',
      fileName: 'register.csv',
      bytes: csv(3)
    });
    expect(result).toMatchObject({ ok: true, rowCount: 3, source: { format: 'csv' } });
    if (!result.ok) return;
    const [first] = JSON.parse(result.rowsJson) as { n: number; c: string[] }[];
    expect([first!.n, first!.c[0]]).toEqual([2, 'KILL-000001']);
  });

  it('checks a backup in the worker and refuses a damaged one with its reasons', async () => {
    const result = await runParseJob({
      kind: 'backup',
      bytes: new TextEncoder().encode('{"format":"vesting-day-backup","version":1}')
    });
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringContaining('some of its fields are not valid')
    });
  });

  it.each<[string, { timeMs?: number; heapMb?: number }, string]>([
    ['out of time', { timeMs: 1 }, refusals.tooSlow(0)],
    ['out of memory', { heapMb: 4 }, refusals.tooMuchMemory()]
  ])('stops a job that runs %s, with a message', async (_, limits, message) => {
    const result = await runParseJob(
      { kind: 'upload', importKind: 'contracts', fileName: 'big.csv', bytes: csv(100_000) },
      limits
    );
    expect(result).toEqual({ ok: false, message });
  });
});

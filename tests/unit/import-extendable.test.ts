import { describe, expect, it } from 'vitest';
import { readContractRow } from '#lib/domain/import/contract-rows.ts';
import { optionCoveringMaximumEnd } from '#lib/domain/import/extendable.ts';
import type { Cell } from '#lib/domain/import/table.ts';

describe('one extension option from the current end to the maximum end', () => {
  it.each<[string | null, string | null, number | null, string]>([
    ['2026-03-31', '2028-03-31', 24, 'whole years'],
    ['2025-08-31', '2026-02-28', 6, 'month end clamped in February'],
    ['2027-02-28', '2028-02-29', 12, 'into a leap February'],
    ['2025-06-30', '2025-12-31', 6, 'one day short of 7 months is nearer 6'],
    ['2025-01-15', '2025-03-01', 1, 'a month and a half: a tie goes to the shorter'],
    ['2025-01-15', '2025-03-05', 2, 'nearer two months than one'],
    ['2025-04-01', '2025-04-10', null, 'under half a month: no option'],
    ['2025-04-01', '2025-04-01', null, 'maximum end equal to the end'],
    ['2025-04-01', '2024-04-01', null, 'maximum end before the end'],
    [null, '2028-03-31', null, 'no current end'],
    ['2026-03-31', null, null, 'no maximum end'],
    ['2026-03-31', '2046-03-31', 240, 'the longest option allowed'],
    ['2026-03-31', '2046-05-31', null, 'longer than any option may be']
  ])('%s → %s: %s months (%s)', (end, max, months) => {
    expect(optionCoveringMaximumEnd(end, max)).toBe(months);
  });
});

describe('a register row with an extendable yes/no column', () => {
  const row = (extendable: Cell, end: Cell = '31/03/2026', max: Cell = '31/03/2028') =>
    readContractRow({
      reference: 'SCC-1',
      title: 'Network',
      supplierName: 'Netco Ltd',
      endDate: end,
      maxEndDate: max,
      extensionOptions: extendable
    });
  const options = (result: ReturnType<typeof row>) =>
    result.ok ? result.record.extensionOptions : result.problems;

  it.each<[Cell, Cell, Cell, number[]]>([
    ['Yes', '31/03/2026', '31/03/2028', [24]],
    ['Y', '31/03/2026', '30/09/2026', [6]],
    [true, '31/03/2026', '31/03/2027', [12]],
    ['No', '31/03/2026', '31/03/2028', []],
    [false, '31/03/2026', '31/03/2028', []],
    ['', '31/03/2026', '31/03/2028', []],
    // Yes, but nothing to cover: no option rather than a guess.
    ['Yes', '31/03/2026', '31/03/2026', []],
    ['Yes', '31/03/2026', null, []],
    ['Yes', null, '31/03/2028', []],
    // Lengths written out win over the dates.
    ['1+1 years', '31/03/2026', '31/03/2028', [12, 12]]
  ])('extendable %j, end %j, maximum end %j → %j', (extendable, end, max, expected) => {
    expect(options(row(extendable, end, max))).toEqual(expected);
  });
});

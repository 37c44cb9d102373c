import { describe, expect, it } from 'vitest';
import { conflictRows } from '#lib/conflict-rows.ts';

const words = (_field: string, value: unknown) =>
  value === null || value === '' ? 'Blank' : String(value);

describe('conflictRows', () => {
  it('lists only the fields whose wording differs, in the order of the labels', () => {
    const rows = conflictRows(
      { name: 'Name', vendor: 'Vendor', users: 'Users' },
      {
        yours: { users: 120, name: 'Revenues', vendor: 'Civica' },
        theirs: { users: 95, name: 'Revenues', vendor: 'Capita' }
      },
      words
    );
    expect(rows).toEqual([
      { label: 'Vendor', yours: 'Civica', theirs: 'Capita' },
      { label: 'Users', yours: '120', theirs: '95' }
    ]);
  });

  it('gives describe null for a field missing on either side', () => {
    const seen: unknown[] = [];
    const rows = conflictRows(
      { product: 'Product' },
      { yours: {}, theirs: { product: undefined } },
      (field, value) => {
        seen.push(value);
        return words(field, value);
      }
    );
    expect(seen).toEqual([null, null]);
    expect(rows).toEqual([]);
  });

  it('compares the words, not the values: values worded alike are not listed', () => {
    const rows = conflictRows(
      { product: 'Product' },
      { yours: { product: '' }, theirs: { product: null } },
      words
    );
    expect(rows).toEqual([]);
  });

  it('passes the field name so values can be worded per field', () => {
    const rows = conflictRows(
      { dayOneCritical: 'Critical on day one' },
      { yours: { dayOneCritical: true }, theirs: { dayOneCritical: false } },
      (field, value) => (field === 'dayOneCritical' ? (value ? 'Yes' : 'No') : String(value))
    );
    expect(rows).toEqual([{ label: 'Critical on day one', yours: 'Yes', theirs: 'No' }]);
  });
});

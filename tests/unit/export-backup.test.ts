import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  buildBackup,
  compareValues,
  MAX_BACKUP_BYTES,
  serialiseBackup,
  type ProgrammeSnapshot
} from '#lib/domain/export/backup.ts';
import { readBackup } from '#lib/schemas/backup.ts';

const system = (id: string, councilId: string, name: string, extra = {}) => ({
  id,
  councilId,
  serviceAreaId: null,
  name,
  product: null,
  vendor: null,
  hosting: null,
  users: null,
  annualCostPence: null,
  lifecycle: null,
  timeDisposition: null,
  dayOneCritical: false,
  ...extra
});

const contract = (id: string, councilId: string, reference: string, systemIds: string[]) => ({
  id,
  councilId,
  reference,
  title: `Contract ${reference}`,
  description: null,
  department: null,
  supplierName: 'Supplier Ltd',
  supplierCompanyNumber: null,
  startDate: '2024-04-01',
  endDate: '2028-03-31',
  reviewDate: null,
  noticePeriodValue: 3,
  noticePeriodUnit: 'months' as const,
  maxEndDate: null,
  annualValuePence: 1_000_000,
  totalValuePence: null,
  lgrTreatment: 'undecided' as const,
  decisionDate: null,
  decisionNotes: null,
  extensionOptions: [
    { lengthMonths: 12, exercised: true },
    { lengthMonths: 12, exercised: false }
  ],
  systemIds
});

/** A small programme; `ids` renames every id, as a restore into new rows would. */
function snapshot(ids: (id: string) => string, reverse = false): ProgrammeSnapshot {
  const order = <T>(rows: T[]) => (reverse ? [...rows].reverse() : rows);
  return {
    programme: {
      name: 'Test',
      area: 'Testshire',
      vestingDate: '2028-04-01',
      horizonYears: 10,
      capacity: 3,
      stabilisationMonths: 12
    },
    councils: order([
      {
        id: ids('c-b'),
        name: 'Beta District',
        role: 'predecessor',
        kind: 'district',
        gssCode: null,
        website: null,
        m365Tenant: null
      },
      {
        id: ids('c-a'),
        name: 'Alpha Unitary',
        role: 'successor',
        kind: 'unitary',
        gssCode: null,
        website: null,
        m365Tenant: null
      }
    ]),
    successions: [{ predecessorId: ids('c-b'), successorId: ids('c-a'), note: null }],
    serviceAreas: order([
      { id: ids('a-2'), name: 'Waste', category: 'service', priority: 2 },
      { id: ids('a-1'), name: 'Finance', category: 'foundation', priority: 1 }
    ]),
    // Two systems identical in every field, told apart only by the contracts that cover them.
    systems: order([
      system(ids('s-1'), ids('c-b'), 'Twin'),
      system(ids('s-2'), ids('c-b'), 'Twin'),
      system(ids('s-3'), ids('c-b'), 'Alone', { serviceAreaId: ids('a-2') })
    ]),
    contracts: order([
      contract(ids('k-2'), ids('c-b'), 'B-2', [ids('s-2')]),
      contract(ids('k-1'), ids('c-b'), 'A-1', [ids('s-3'), ids('s-1')])
    ])
  };
}

describe('buildBackup', () => {
  it('gives the same bytes whatever the ids and the order rows were read in', () => {
    const original = serialiseBackup(buildBackup(snapshot((id) => id)));
    const renamed = serialiseBackup(
      buildBackup(snapshot((id) => `new-${id.split('').reverse().join('')}`, true))
    );
    expect(renamed).toBe(original);
  });

  it('keys records in a stable order and keeps which twin system each contract covers', () => {
    const backup = buildBackup(snapshot((id) => id));
    expect(backup.councils.map((c) => [c.key, c.name])).toEqual([
      ['council-1', 'Alpha Unitary'],
      ['council-2', 'Beta District']
    ]);
    expect(backup.serviceAreas.map((a) => a.name)).toEqual(['Finance', 'Waste']);
    expect(backup.successions).toEqual([
      { predecessor: 'council-2', successor: 'council-1', note: null }
    ]);
    expect(backup.contracts.map((c) => [c.reference, c.systems])).toEqual([
      ['A-1', ['system-1', 'system-2']],
      ['B-2', ['system-3']]
    ]);
    expect(backup.systems.map((s) => [s.key, s.name, s.serviceArea])).toEqual([
      ['system-1', 'Alone', 'area-2'],
      ['system-2', 'Twin', null],
      ['system-3', 'Twin', null]
    ]);
  });

  it('has no ids, timestamps or versions, and ends with a newline', () => {
    const text = serialiseBackup(buildBackup(snapshot((id) => id)));
    expect(text.endsWith('}\n')).toBe(true);
    const keys = new Set<string>();
    JSON.parse(text, (key, value) => (keys.add(key), value));
    for (const volatile of ['id', 'createdAt', 'updatedAt', 'exportedAt', 'slug', 'position']) {
      expect(keys.has(volatile), volatile).toBe(false);
    }
    expect(JSON.parse(text)).toMatchObject({ format: BACKUP_FORMAT, version: 1 });
  });

  it('reads back what it wrote', () => {
    const text = serialiseBackup(buildBackup(snapshot((id) => id)));
    const read = readBackup(text);
    expect(read.ok).toBe(true);
    if (read.ok) expect(serialiseBackup(read.backup)).toBe(text);
  });
});

describe('compareValues', () => {
  it.each([
    [null, 'a', -1],
    ['a', null, 1],
    ['B', 'a', -1],
    ['a', 'a', 0],
    [2, 10, -1],
    [false, true, -1],
    [[1, 2], [1, 3], -1],
    [[1], [1, 0], -1],
    [[], [], 0]
  ] as const)('%j vs %j', (a, b, sign) => {
    expect(Math.sign(compareValues(a as never, b as never))).toBe(sign);
  });
});

describe('readBackup', () => {
  const good = JSON.parse(serialiseBackup(buildBackup(snapshot((id) => id))));
  const edit = (change: (b: typeof good) => void) => {
    const copy = structuredClone(good);
    change(copy);
    return JSON.stringify(copy);
  };

  it.each([
    ['empty file', '', /empty/],
    ['not JSON', 'PK\u0003\u0004 binary', /not a Vesting Day backup/],
    ['JSON array', '[]', /not a Vesting Day backup/],
    [
      'another format',
      JSON.stringify({ format: 'something-else', version: 1 }),
      /not a Vesting Day backup/
    ],
    ['no version', edit((b) => delete b.version), /no valid version/],
    ['version 0', edit((b) => (b.version = 0)), /no valid version/],
    [
      'newer version',
      edit((b) => (b.version = 2)),
      /newer version of Vesting Day \(backup format version 2\)/
    ],
    ['unknown field', edit((b) => (b.programme.owner = 'x')), /not valid/],
    ['impossible date', edit((b) => (b.contracts[0].endDate = '2027-02-29')), /not valid/],
    ['NUL in a text', edit((b) => (b.contracts[0].title = 'a\u0000b')), /not valid/],
    ['negative money', edit((b) => (b.contracts[0].annualValuePence = -1)), /not valid/],
    [
      'council not in the file',
      edit((b) => (b.contracts[0].council = 'council-9')),
      /do not fit together/
    ],
    [
      'system not in the file',
      edit((b) => (b.contracts[0].systems = ['system-9'])),
      /do not fit together/
    ],
    [
      'succession to itself',
      edit((b) => (b.successions[0].successor = b.successions[0].predecessor)),
      /do not fit together/
    ],
    [
      'duplicate contract reference',
      edit((b) => (b.contracts[1].reference = b.contracts[0].reference)),
      /do not fit together/
    ],
    [
      'duplicate council name',
      edit((b) => (b.councils[1].name = b.councils[0].name)),
      /do not fit together/
    ]
  ])('%s is refused with a clear message', (_label, text, message) => {
    const read = readBackup(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(message);
  });

  it('says where a field is wrong', () => {
    const read = readBackup(edit((b) => (b.contracts[1].endDate = '31/03/2028')));
    expect(read.ok || read.details).toContain(
      'contracts, item 2, endDate: must be a real date as YYYY-MM-DD'
    );
  });

  it('names the broken reference', () => {
    const read = readBackup(edit((b) => (b.systems[0].council = 'council-7')));
    expect(read.ok || read.details).toContain(
      'The system "Alone" names the council "council-7", which is not in the file.'
    );
  });

  it('refuses a file over the size limit before reading it', () => {
    const read = readBackup('{}', MAX_BACKUP_BYTES + 1);
    expect(read.ok || read.message).toMatch(/at most 25 MB/);
  });

  it('removes control characters, joins one-line fields and keeps a description’s lines', () => {
    const read = readBackup(
      edit((b) => {
        b.programme.name = 'Thorn\u001bshire\u0085';
        b.contracts[0].title = 'Bad\u000b\u001b\u0001title\r\nline two';
        b.contracts[0].description = 'First\r\nsecond\u0007\tthird';
        b.councils[0].name = 'Cafe\u0301 Council\ud800';
      })
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.backup.programme.name).toBe('Thornshire');
    expect(read.backup.contracts[0]!.title).toBe('Badtitle line two');
    expect(read.backup.contracts[0]!.description).toBe('First\nsecond\tthird');
    expect(read.backup.councils[0]!.name).toBe('Caf\u00e9 Council');
  });

  it('refuses a required text that was only control characters', () => {
    const read = readBackup(edit((b) => (b.contracts[0].reference = '\u001b\u0001')));
    expect(read.ok || read.details).toContain('contracts, item 1, reference: must not be empty');
  });

  it('accepts a byte order mark added by an editor', () => {
    expect(readBackup(`\uFEFF${JSON.stringify(good)}`).ok).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  allCouncils,
  countyWithDistricts,
  currentCouncils,
  findCouncil,
  pastReorganisations,
  reorganisationById,
  searchCouncils,
  type Reorganisation
} from '#lib/domain/register/index.ts';
import { addDays } from '#lib/domain/dates.ts';

const codes = (list: { code: string }[]) => list.map((c) => c.code).sort();

/** predecessor → its successors in this reorganisation, each list sorted. */
function mapping(r: Reorganisation): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const l of r.links) (out[l.predecessor] ??= []).push(l.successor);
  for (const list of Object.values(out)) list.sort();
  return out;
}

// Written by hand from the CSV (replaced-by, start-date and county-la columns).
const expected: [id: string, vestingDate: string, mapping: Record<string, string[]>][] = [
  [
    'dorset-2019',
    '2019-04-01',
    {
      DOR: ['BPC', 'DST'], // Dorset County Council; → BPC inferred via Christchurch
      EDO: ['DST'], // East Dorset
      NDO: ['DST'], // North Dorset
      PUR: ['DST'], // Purbeck
      WDO: ['DST'], // West Dorset
      WEY: ['DST'], // Weymouth and Portland
      BMH: ['BPC'], // Bournemouth (unitary)
      POL: ['BPC'], // Poole (unitary)
      CHC: ['BPC'] // Christchurch (a Dorset district)
    }
  ],
  ['east-suffolk-2019', '2019-04-01', { SUF: ['ESK'], WAV: ['ESK'] }],
  ['somerset-west-and-taunton-2019', '2019-04-01', { TAU: ['SWT'], WSO: ['SWT'] }],
  ['west-suffolk-2019', '2019-04-01', { FOR: ['WSK'], SED: ['WSK'] }],
  [
    'buckinghamshire-2020',
    '2020-04-01',
    { BKM: ['BUC'], AYL: ['BUC'], CHN: ['BUC'], SBU: ['BUC'], WYO: ['BUC'] }
  ],
  [
    'northamptonshire-2021',
    '2021-04-01',
    {
      NTH: ['NNT', 'WNT'], // the county is split
      COR: ['NNT'], // Corby
      ENO: ['NNT'], // East Northamptonshire
      KET: ['NNT'], // Kettering
      WEL: ['NNT'], // Wellingborough
      DAV: ['WNT'], // Daventry
      NOR: ['WNT'], // Northampton
      SNR: ['WNT'] // South Northamptonshire
    }
  ],
  [
    'cumbria-2023',
    '2023-04-01',
    {
      CMA: ['CBD', 'WAF'], // the county is split
      ALL: ['CBD'], // Allerdale
      CAR: ['CBD'], // Carlisle
      COP: ['CBD'], // Copeland
      BAR: ['WAF'], // Barrow-in-Furness
      EDN: ['WAF'], // Eden
      SLA: ['WAF'] // South Lakeland
    }
  ],
  [
    'north-yorkshire-2023',
    '2023-04-01',
    {
      NYK: ['NYE'],
      CRA: ['NYE'],
      HAE: ['NYE'],
      HAG: ['NYE'],
      RIH: ['NYE'],
      RYE: ['NYE'],
      SCE: ['NYE'],
      SEL: ['NYE']
    }
  ],
  [
    'somerset-2023',
    '2023-04-01',
    // Somerset County Council, Mendip, Sedgemoor, South Somerset, Somerset West and Taunton
    { SOM: ['SMT'], MEN: ['SMT'], SEG: ['SMT'], SSO: ['SMT'], SWT: ['SMT'] }
  ]
];

describe('pastReorganisations', () => {
  const past = pastReorganisations();

  it('finds the nine reorganisations of 2019–2023, oldest first', () => {
    expect(past.map((r) => r.id)).toEqual(expected.map(([id]) => id));
  });

  it.each(expected)(
    '%s on %s maps predecessors to successors as the data does',
    (id, date, map) => {
      const r = reorganisationById(id)!;
      expect(r.vestingDate).toBe(date);
      expect(mapping(r)).toEqual(map);
      expect(codes(r.predecessors)).toEqual(Object.keys(map).sort());
      expect(codes(r.successors)).toEqual([...new Set(Object.values(map).flat())].sort());
    }
  );

  it('finds twelve successor councils created 2019–2023', () => {
    const successors = past.flatMap((r) => r.successors);
    expect(successors).toHaveLength(12);
    expect(codes(successors)).toEqual(
      ['BPC', 'BUC', 'CBD', 'DST', 'ESK', 'NNT', 'NYE', 'SMT', 'SWT', 'WAF', 'WNT', 'WSK'].sort()
    );
    for (const s of successors)
      expect(s.start! >= '2019-01-01' && s.start! <= '2023-12-31').toBe(true);
  });

  it('counts the same twelve straight from the register', () => {
    const targets = new Set(allCouncils().flatMap((c) => c.replacedBy));
    const created = allCouncils().filter(
      (c) => targets.has(c.code) && c.start !== null && c.start >= '2019' && c.start < '2024'
    );
    expect(created).toHaveLength(12);
  });

  it('shows a split as one predecessor with a link to each successor', () => {
    for (const [id, county, parts] of [
      ['northamptonshire-2021', 'NTH', ['NNT', 'WNT']],
      ['cumbria-2023', 'CMA', ['CBD', 'WAF']]
    ] as const) {
      const links = reorganisationById(id)!.links.filter((l) => l.predecessor === county);
      expect(links).toEqual(
        parts.map((s) => ({ predecessor: county, successor: s, inferred: false }))
      );
    }
  });

  it('puts a chained council in both reorganisations, once in each role', () => {
    const swt2019 = reorganisationById('somerset-west-and-taunton-2019')!;
    const somerset2023 = reorganisationById('somerset-2023')!;
    expect(codes(swt2019.successors)).toEqual(['SWT']);
    expect(codes(somerset2023.predecessors)).toContain('SWT');
    // Taunton Deane and West Somerset were gone by 2023.
    expect(codes(somerset2023.predecessors)).not.toContain('TAU');
    expect(codes(somerset2023.predecessors)).not.toContain('WSO');
    expect(somerset2023.name).toBe('Somerset 2023');
  });

  it('infers only Dorset County Council → BCP, which the data leaves out', () => {
    const inferred = past.flatMap((r) => r.links.filter((l) => l.inferred));
    expect(inferred).toEqual([{ predecessor: 'DOR', successor: 'BPC', inferred: true }]);
  });

  it('lists counties first among predecessors', () => {
    for (const r of past) {
      const kinds = r.predecessors.map((c) => c.kind === 'county');
      expect(kinds).toEqual([...kinds].sort((a, b) => Number(b) - Number(a)));
    }
  });

  it('has every predecessor end the day before vesting day or on it (the data does both)', () => {
    for (const r of past) {
      for (const p of r.predecessors) {
        expect([addDays(r.vestingDate, -1), r.vestingDate]).toContain(p.end);
      }
      for (const s of r.successors) expect(s.start).toBe(r.vestingDate);
    }
    expect(reorganisationById('dorset-2019')!.predecessors[0]!.end).toBe('2019-03-31');
    expect(reorganisationById('somerset-2023')!.predecessors[0]!.end).toBe('2023-04-01');
  });

  it('returns undefined for an unknown id', () => {
    expect(reorganisationById('kent-2028')).toBeUndefined();
  });
});

describe('countyWithDistricts', () => {
  it.each([
    ['KEN', ['ASF', 'CAT', 'DAR', 'DOV', 'GRA', 'MAI', 'SEV', 'SHE', 'SWL', 'THA', 'TON', 'TUN']],
    ['SRY', ['ELM', 'EPS', 'GRT', 'MOL', 'REI', 'RUN', 'SPE', 'SUR', 'TAN', 'WAE', 'WOI']],
    ['ESS', ['BAI', 'BRA', 'BRW', 'CAS', 'CHL', 'COL', 'EPP', 'HAR', 'MAL', 'ROC', 'TEN', 'UTT']]
  ])('%s has its current districts', (county, districts) => {
    const found = countyWithDistricts(county)!;
    expect(found.county.code).toBe(county);
    expect(found.county.kind).toBe('county');
    expect(codes(found.districts)).toEqual(districts);
    for (const d of found.districts) expect(d.kind).toBe('district');
  });

  it('accepts a name or GSS code', () => {
    expect(countyWithDistricts('Surrey')?.county.code).toBe('SRY');
    expect(countyWithDistricts('E10000016')?.county.code).toBe('KEN');
  });

  it.each(['SOM', 'NTH', 'DST', 'ASF', 'XXX', ''])('is undefined for %j', (code) => {
    expect(countyWithDistricts(code)).toBeUndefined();
  });
});

describe('findCouncil', () => {
  it.each([
    ['E06000066', 'SMT'], // GSS
    ['e10000016', 'KEN'],
    ['ken', 'KEN'], // code
    ['Kent County Council', 'KEN'], // official name
    ['  tunbridge wells ', 'TUN'], // short name
    ['Somerset', 'SMT'], // the current council wins over Somerset County Council
    ['North Yorkshire', 'NYE'],
    ['Somerset County Council', 'SOM'],
    ['City of London', 'LND']
  ])('finds %j → %s', (query, code) => {
    expect(findCouncil(query)?.code).toBe(code);
  });

  it.each(['', 'Atlantis', 'E47000001'])('finds nothing for %j', (query) => {
    expect(findCouncil(query)).toBeUndefined();
  });
});

describe('searchCouncils', () => {
  it('puts the exact match first and respects the limit', () => {
    const hits = searchCouncils('kent', 3);
    expect(hits[0]?.code).toBe('KEN');
    expect(hits.length).toBeLessThanOrEqual(3);
  });

  it('ranks current councils above abolished ones, and can leave the abolished out', () => {
    expect(codes(searchCouncils('somerset', 2))).toEqual(['SMT', 'SOM']);
    expect(searchCouncils('somerset', 2)[0]?.code).toBe('SMT');
    expect(searchCouncils('somerset', 20, { currentOnly: true }).every((c) => c.end === null)).toBe(
      true
    );
  });

  it('returns nothing for a blank query', () => {
    expect(searchCouncils('   ')).toEqual([]);
  });
});

describe('the shipped register', () => {
  const all = allCouncils();

  it('has only English councils of our five kinds, with well-formed GSS codes', () => {
    const kinds = ['county', 'district', 'unitary', 'metropolitan', 'london_borough'];
    for (const c of all) {
      expect(kinds).toContain(c.kind);
      if (c.gss !== null) expect(c.gss).toMatch(/^E\d{8}$/);
    }
  });

  it('has unique codes, and every reference is to a council in it', () => {
    const known = new Set(all.map((c) => c.code));
    expect(known.size).toBe(all.length);
    for (const c of all) {
      for (const ref of [...c.replacedBy, ...(c.county ? [c.county] : [])]) {
        expect(known).toContain(ref);
      }
    }
  });

  it('lists current councils only in currentCouncils()', () => {
    const current = currentCouncils();
    expect(current.every((c) => c.end === null)).toBe(true);
    expect(codes(current)).not.toContain('SOM');
    expect(codes(current)).toEqual(expect.arrayContaining(['SMT', 'LND', 'IOS', 'KEN']));
    expect(findCouncil('LND')?.kind).toBe('london_borough');
  });
});

// Builds the register of English councils that ships with the app.
//
//   node scripts/build-register.js [path/to/uk_local_authorities.csv]
//
// Reads mySociety's "UK Local Authority Names and Codes" (uk_la_future, July 2025, CC-BY-4.0;
// default path /work/shared/data/uk_local_authorities.csv) and writes
// src/lib/domain/register/councils.json and its ATTRIBUTION.md. Run it again when the dataset
// is updated; the output is sorted by code, so a re-run with the same input changes nothing.
//
// The CSV is parsed with d3's csvParse (d3 is already a dependency; it handles quoted fields,
// doubled quotes and newlines inside quotes).
//
// What is kept: rows with nation "England" whose type is one of our five kinds of council.
//   CTY → county, NMD → district, UA → unitary, MD → metropolitan, LBO → london_borough.
// Special cases:
//   - CC, the City of London Corporation (LND, E09000001): kept as 'london_borough'. It is not
//     a borough, but it is the principal council for the City, sits in ONS's E09 London-borough
//     series and does the same job; leaving it out would leave a hole in London.
//   - The Council of the Isles of Scilly (IOS) is recorded as UA and is kept as 'unitary'.
//   - COMB (combined authorities) and SRA (the Greater London Authority) are dropped: they sit
//     over councils, are never a predecessor or successor in a reorganisation, and their GSS
//     codes (E47, E61) are not council codes.
// Corrections to the source (listed in ATTRIBUTION.md, as the licence asks):
//   - FOR (Forest Heath) has county-la "SRY" (Surrey); it was a Suffolk district, now part of
//     West Suffolk, so its county is set to "SFK".
// Kept as in the source, and handled by the domain code rather than "fixed" here:
//   - end-date of an abolished council is the day before vesting for the 2019 and 2020
//     reorganisations (e.g. 2019-03-31) but vesting day itself for 2021 and 2023 (2021-04-01).
//   - start-date is blank for most councils that predate the register, and some start dates are
//     register dates rather than creation dates (Buckinghamshire County Council: 2005-06-19).
//   - region is blank for some abolished councils (the 2019 Dorset and Suffolk predecessors).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3';

const DEFAULT_SOURCE = '/work/shared/data/uk_local_authorities.csv';
const OUT_DIR = new URL('../src/lib/domain/register/', import.meta.url);

const KINDS = {
  CTY: 'county',
  NMD: 'district',
  UA: 'unitary',
  MD: 'metropolitan',
  LBO: 'london_borough',
  CC: 'london_borough'
};

/** Corrections to the source, by code: field → value. Keep in step with ATTRIBUTION below. */
const CORRECTIONS = {
  FOR: { county: 'SFK' }
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const GSS = /^E\d{8}$/;

/** @param {string | undefined} value */
function blankToNull(value) {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/** @param {string | undefined} value @param {string} code @param {string} field */
function isoDateOrNull(value, code, field) {
  const date = blankToNull(value);
  if (date !== null && !ISO_DATE.test(date)) {
    throw new Error(`${code}: ${field} "${date}" is not YYYY-MM-DD`);
  }
  return date;
}

/** @param {string | undefined} value @param {string} what */
function required(value, what) {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') throw new Error(`a row has no ${what}`);
  return trimmed;
}

/** @param {Record<string, string | undefined>} row */
function toCouncil(row) {
  const code = required(row['local-authority-code'], 'local-authority-code');
  const gss = blankToNull(row['gss-code']);
  if (gss !== null && !GSS.test(gss)) throw new Error(`${code}: unexpected GSS code "${gss}"`);
  const council = {
    code,
    name: required(row['official-name'], `official-name (${code})`),
    shortName: (row['nice-name'] ?? '').trim() || required(row['official-name'], 'name'),
    gss,
    kind: KINDS[/** @type {keyof typeof KINDS} */ (row['local-authority-type'])],
    start: isoDateOrNull(row['start-date'], code, 'start-date'),
    end: isoDateOrNull(row['end-date'], code, 'end-date'),
    replacedBy: (row['replaced-by'] ?? '')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
    county: blankToNull(row['county-la']),
    region: blankToNull(row.region)
  };
  return { ...council, ...(CORRECTIONS[/** @type {keyof typeof CORRECTIONS} */ (code)] ?? {}) };
}

/** @param {string} source */
export function buildRegister(source) {
  const rows = csvParse(readFileSync(source, 'utf8'));
  const councils = rows
    .filter((row) => row.nation === 'England' && (row['local-authority-type'] ?? '') in KINDS)
    .map(toCouncil)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  // Every code the register points at must be in the register.
  const codes = new Set(councils.map((c) => c.code));
  for (const c of councils) {
    for (const target of [...c.replacedBy, ...(c.county ? [c.county] : [])]) {
      if (!codes.has(target)) throw new Error(`${c.code} refers to ${target}, not in the register`);
    }
  }
  return councils;
}

/**
 * One council per line: small diffs, and still valid JSON.
 * @param {ReturnType<typeof buildRegister>} councils
 */
function toJson(councils) {
  const lines = councils.map((c) => '    ' + JSON.stringify(c));
  return [
    '{',
    '  "source": "mySociety, UK Local Authority Names and Codes (uk_la_future), July 2025",',
    '  "licence": "CC-BY-4.0",',
    '  "councils": [',
    lines.join(',\n'),
    '  ]',
    '}',
    ''
  ].join('\n');
}

const ATTRIBUTION = `# Attribution

\`councils.json\` is derived from **UK Local Authority Names and Codes** by mySociety
(the \`uk_la_future\` package, version of July 2025), licensed under
[CC-BY-4.0](https://creativecommons.org/licenses/by/4.0/).
Source: https://pages.mysociety.org/uk_local_authority_names_and_codes/datasets/uk_la_future/

Changes made: only English councils are kept (counties, districts, unitaries, metropolitan
districts, London boroughs and the City of London; combined authorities and the Greater London
Authority are left out), only some columns are kept and renamed, and Forest Heath's county is
corrected from Surrey (SRY) to Suffolk (SFK).

Generated by \`node scripts/build-register.js\`; do not edit by hand.
`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = process.argv[2] ?? DEFAULT_SOURCE;
  const councils = buildRegister(source);
  writeFileSync(new URL('councils.json', OUT_DIR), toJson(councils));
  writeFileSync(new URL('ATTRIBUTION.md', OUT_DIR), ATTRIBUTION);
  console.log(`Wrote ${councils.length} councils to src/lib/domain/register/councils.json`);
}

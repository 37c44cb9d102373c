/**
 * Column headers of councils' published contract registers, matched to our contract fields.
 *
 * Registers come from many systems, so the same column is headed "Contract number",
 * "CONTRACT_REFERENCE", "Contract Id" or the Transparency Code's "Reference Number". Each field
 * has rules: an exact phrase (after {@link normaliseHeader}) scores 100; a looser pattern scores
 * less. {@link proposeMapping} only proposes: the person importing confirms or changes it.
 */

export const CONTRACT_FIELDS = [
  'reference',
  'title',
  'description',
  'department',
  'supplierName',
  'supplierCompanyNumber',
  'startDate',
  'endDate',
  'reviewDate',
  'maxEndDate',
  'extensionOptions',
  'noticePeriod',
  'annualValue',
  'totalValue',
  'councilName'
] as const;

export type ContractField = (typeof CONTRACT_FIELDS)[number];

/** A phrase matches the whole normalised header; a pattern is tested against it. */
export type HeaderRule = { phrase: string; score: 100 } | { pattern: RegExp; score: number };

const EXACT = 100;
/** Exact phrases, written in groups separated by "; " to keep the lists short. */
export const exact = (...groups: string[]): HeaderRule[] =>
  groups.flatMap((group) => group.split('; ')).map((phrase) => ({ phrase, score: EXACT }));

/** Words that mark a column as about something else: "Supplier postcode", "VAT value". */
const NOT_SUPPLIER_NAME = String.raw`(?!.*\b(number|no|id|registration|reg|sme|small|medium|vcse|voluntary|charity|postcode|address|type|status|vat|email|phone)\b)`;
const NOT_VALUE = String.raw`(?!.*\b(tax|vat|added|annual|annum|pa|yearly|year|date|currency|type|band)\b)`;

export const HEADER_SYNONYMS: Record<ContractField, HeaderRule[]> = {
  reference: [
    ...exact(
      'reference; reference number; reference no; ref; ref no; contract reference',
      'contract reference number; contract ref; contract ref no; contract number',
      'contract no; contract id; contract code; unique reference; id'
    ),
    { pattern: /\bcontract (ref|reference|id|number|no|code)\b/, score: 70 },
    { pattern: /\b(ref|reference)\b/, score: 50 }
  ],
  title: [
    ...exact(
      'title; contract title; title of agreement; agreement title; contract name',
      'name of contract; project title; subject; contract'
    ),
    { pattern: /\btitle\b/, score: 60 }
  ],
  description: [
    ...exact(
      'description; contract description; description of the goods and or services',
      'description of goods and services; description of goods and or services; summary',
      'scope; details'
    ),
    { pattern: /\bdescription\b/, score: 60 }
  ],
  department: [
    ...exact(
      'department; department name; directorate; service; service area',
      'service directorate; business unit; responsible department; division; portfolio'
    ),
    { pattern: /\b(department|directorate|service area|business unit)\b/, score: 60 }
  ],
  supplierName: [
    ...exact(
      'supplier; supplier name; supplier name and details; supplier details; vendor',
      'vendor name; contractor; contractor name; provider; provider name',
      'awarded supplier; company name'
    ),
    {
      pattern: new RegExp(`^${NOT_SUPPLIER_NAME}.*\\b(supplier|vendor|contractor|provider)s?\\b`),
      score: 60
    }
  ],
  supplierCompanyNumber: [
    ...exact(
      'company registration number; company registration no; company reg no',
      'company number; company no; companies house number; supplier company number',
      'supplier company registration number; registration number; crn'
    ),
    { pattern: /\bcompan(y|ies)\b.*\b(number|no|reg|registration)\b/, score: 70 },
    { pattern: /^(?!.*\bcharity\b).*\bregistration (number|no)\b/, score: 60 }
  ],
  startDate: [
    ...exact(
      'start date; start; contract start date; contract start; commencement date',
      'validity period start; effective date; date from; from'
    ),
    { pattern: /\b(start|commencement|commence|commences)\b/, score: 60 }
  ],
  endDate: [
    ...exact(
      'end date; end; contract end date; contract end; current end date',
      'contract current end date; expiry date; expiry; contract expiry date',
      'validity period end; finish date; date to; to'
    ),
    {
      pattern:
        /^(?!.*\b(max|maximum|final|latest|extended|extension|extensions|possible|incl|including)\b).*\b(end|expiry|expires|expiration|finish)\b/,
      score: 55
    }
  ],
  reviewDate: [
    ...exact('review date', 'review', 'contract review date', 'next review date'),
    { pattern: /\breview\b/, score: 60 }
  ],
  maxEndDate: [
    ...exact(
      'maximum contract end date; max contract end date; maximum end date; max end date',
      'maximum expiry date; final end date; final expiry date; latest end date',
      'latest possible end date; extended end date; end date including extensions',
      'end date including all extensions; end date with extensions'
    ),
    {
      pattern:
        /\b(max|maximum|final|latest|extended|extension|extensions)\b.*\b(end|expiry)\b|\b(end|expiry)\b.*\b(incl|including|with)\b.*\bextensions?\b/,
      score: 70
    }
  ],
  extensionOptions: [
    ...exact(
      'extension options; extension option; extensions; extension; extension period',
      'extension periods; option to extend; options to extend; possible extensions',
      'extension details; extensions available; contract extendable; extendable'
    ),
    {
      pattern:
        /^(?!.*\b(date|end|expiry|value|cost|spend)\b).*\b(extension|extensions|extend|extendable)\b/,
      score: 55
    }
  ],
  noticePeriod: [
    ...exact('notice period', 'notice', 'notice required', 'termination notice period'),
    { pattern: /\bnotice\b/, score: 60 }
  ],
  annualValue: [
    ...exact(
      'annual value; annual contract value; estimated annual value; annual spend',
      'estimated annual spend; annual cost; annual budget; value per annum; value pa',
      'yearly value'
    ),
    {
      pattern:
        /^(?!.*\b(total|sum|whole|lifetime|length)\b).*\b(annual|annually|annum|pa|yearly|year)\b/,
      score: 65
    }
  ],
  totalValue: [
    ...exact(
      'total value; total contract value; contract value; value; estimated value',
      'estimated contract value; estimated total value; value of contract',
      'whole life value; whole life cost; lifetime value; total cost; contract sum',
      'awarded value',
      // With extensions: the most the council could pay, which is what a successor inherits.
      // Neither it nor "Original Contract Value" is a yearly figure, so neither is annualValue.
      'extended contract value',
      // The Transparency Code allows either meaning; "sum … over the length" is read first.
      'sum to be paid over the length of the contract or the estimated annual spending or budget for the contract'
    ),
    { pattern: /\bsum to be paid\b/, score: 90 },
    {
      pattern: /\b(total|whole life|lifetime|aggregate)\b.*\b(value|cost|spend|amount)\b/,
      score: 75
    },
    // "Original Contract Value" is the value as let: taken only when nothing better is present.
    { pattern: new RegExp(`^${NOT_VALUE}.*\\b(value|amount|cost|spend|price)\\b`), score: 40 }
  ],
  councilName: [
    ...exact(
      'council; council name; authority; authority name; local authority',
      'contracting authority; contracting body; organisation; organisation name',
      'organization name; buyer; buyer name'
    ),
    { pattern: /\b(council|authority|buyer|contracting body)\b/, score: 55 }
  ]
};

/**
 * Lower case words separated by single spaces: strips a byte-order mark, splits camelCase,
 * turns non-breaking spaces, underscores and punctuation into spaces and "&" into "and".
 * "\uFEFFCONTRACT_START_DATE", "Contract\u00a0start-date:" and "contractStartDate" all become
 * "contract start date".
 */
export function normaliseHeader(header: string): string {
  return header
    .replace(/\uFEFF/g, '')
    .normalize('NFKC')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The best score of a field's rules for a normalised header; 0 when none matches. */
function scoreOf(rules: readonly HeaderRule[], normalised: string): number {
  let best = 0;
  for (const rule of rules) {
    const hit = 'phrase' in rule ? rule.phrase === normalised : rule.pattern.test(normalised);
    if (hit) best = Math.max(best, rule.score);
  }
  return best;
}

export interface ColumnProposal<F extends string> {
  /** Column index → the field it fills, or null for a column we leave out. */
  columns: Record<number, F | null>;
  /** Fields, in the order given, that no column was mapped to. */
  missing: F[];
}

export type ProposedMapping = ColumnProposal<ContractField>;

/**
 * Proposes which column fills which field. Every (column, field) pair that matches is a
 * candidate; candidates are taken best score first, skipping any whose column or field is
 * already taken, so no two columns ever fill one field. Ties go to the leftmost column (two
 * "Start date" columns: the first wins), then to the field listed first in `fields`.
 */
export function proposeColumns<F extends string>(
  headers: readonly string[],
  fields: readonly F[],
  synonyms: Record<F, readonly HeaderRule[]>
): ColumnProposal<F> {
  const candidates: { column: number; field: number; score: number }[] = [];
  headers.forEach((header, column) => {
    const normalised = normaliseHeader(header);
    if (normalised === '') return;
    fields.forEach((field, index) => {
      const score = scoreOf(synonyms[field], normalised);
      if (score > 0) candidates.push({ column, field: index, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column || a.field - b.field);

  const columns: Record<number, F | null> = {};
  headers.forEach((_, column) => (columns[column] = null));
  const taken = new Set<F>();
  for (const { column, field: index, score } of candidates) {
    const field = fields[index];
    if (field === undefined || score <= 0 || columns[column] !== null || taken.has(field)) continue;
    columns[column] = field;
    taken.add(field);
  }
  return { columns, missing: fields.filter((field) => !taken.has(field)) };
}

/** {@link proposeColumns} for a contract register. */
export function proposeMapping(headers: string[]): ProposedMapping {
  return proposeColumns(headers, CONTRACT_FIELDS, HEADER_SYNONYMS);
}

import { CONTRACT_FIELD_LABELS, readContractRow, REQUIRED_CONTRACT_FIELDS } from './contract-rows';
import type { ImportedContract, RowProblem, RowResult } from './contract-rows';
import { formulaMessage, isFormula } from './cells';
import { CONTRACT_FIELDS, HEADER_SYNONYMS, proposeMapping, type HeaderRule } from './headers';
import { proposeSystemMapping, SYSTEM_FIELDS, SYSTEM_HEADER_SYNONYMS } from './system-headers';
import { readSystemRow, REQUIRED_SYSTEM_FIELDS, SYSTEM_FIELD_LABELS } from './system-rows';
import type { ImportedSystem } from './system-rows';
import { columnLetter, type Cell } from './table';

/**
 * What the import pages need to know about each kind of register, in one place: its fields
 * and their labels, the proposal from headers, the check of a chosen mapping, and the reading
 * of a row through it. A mapping is one entry per column: a field name, or null to leave the
 * column out.
 */
export const IMPORT_KINDS = ['contracts', 'systems'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type Mapping = (string | null)[];

export const KIND_LABELS: Record<ImportKind, string> = {
  contracts: 'Contracts (a contract register)',
  systems: 'Systems (a list of applications)'
};

export function fieldsOf(kind: ImportKind): readonly string[] {
  return kind === 'contracts' ? CONTRACT_FIELDS : SYSTEM_FIELDS;
}

export function fieldLabels(kind: ImportKind): Record<string, string> {
  return kind === 'contracts' ? CONTRACT_FIELD_LABELS : SYSTEM_FIELD_LABELS;
}

export function proposeFor(kind: ImportKind, headers: string[]): Mapping {
  const { columns } =
    kind === 'contracts' ? proposeMapping(headers) : proposeSystemMapping(headers);
  return headers.map((_, i) => columns[i] ?? null);
}

/** How many columns a row of headings would fill: the header row is the row with most. */
export function headerScore(kind: ImportKind, headers: string[]): number {
  return proposeFor(kind, headers).filter((f) => f !== null).length;
}

/** Problems with a chosen mapping, each a sentence; empty when it can be used. */
export function checkMapping(kind: ImportKind, headers: string[], mapping: Mapping): string[] {
  const problems: string[] = [];
  const known = new Set(fieldsOf(kind));
  const labels = fieldLabels(kind);
  const usedBy = new Map<string, number>();
  mapping.forEach((field, column) => {
    if (field === null) return;
    if (!known.has(field)) {
      problems.push(`Column ${columnLetter(column)}: choose a field from the list`);
      return;
    }
    const earlier = usedBy.get(field);
    if (earlier !== undefined) {
      problems.push(
        `Columns ${columnLetter(earlier)} (“${headers[earlier] ?? ''}”) and ${columnLetter(column)} (“${headers[column] ?? ''}”) are both set to ${labels[field]}: choose one`
      );
    } else {
      usedBy.set(field, column);
    }
  });
  const required = kind === 'contracts' ? REQUIRED_CONTRACT_FIELDS : REQUIRED_SYSTEM_FIELDS;
  for (const field of required) {
    if (usedBy.has(field)) continue;
    // A contract's title may come from its description.
    if (field === 'title' && usedBy.has('description')) continue;
    problems.push(`Choose the column that holds the ${labels[field]!.toLowerCase()}`);
  }
  return problems;
}

function cellsByField(row: readonly Cell[], mapping: Mapping): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  mapping.forEach((field, column) => {
    if (field !== null) cells[field] = row[column] ?? null;
  });
  return cells;
}

export type ReadRow =
  | { kind: 'contracts'; result: RowResult<ImportedContract> }
  | { kind: 'systems'; result: RowResult<ImportedSystem> };

/**
 * Reads one row through the mapping. A formula typed as text is refused in whatever column it
 * is (a date or an amount as much as a title), before the column's own reading.
 */
export function readRow(kind: ImportKind, row: readonly Cell[], mapping: Mapping): ReadRow {
  const cells = cellsByField(row, mapping);
  const formulas: RowProblem[] = [];
  for (const [field, cell] of Object.entries(cells)) {
    if (isFormula(cell)) {
      formulas.push({ field, message: formulaMessage(cell) });
      cells[field] = null;
    }
  }
  const read =
    kind === 'contracts'
      ? ({ kind, result: readContractRow(cells) } as const)
      : ({ kind, result: readSystemRow(cells) } as const);
  if (formulas.length === 0) return read;
  const flagged = new Set(formulas.map((p) => p.field));
  const others = read.result.ok ? [] : read.result.problems.filter((p) => !flagged.has(p.field));
  return { kind, result: { ok: false, problems: [...formulas, ...others] } } as ReadRow;
}

/** For the formats page: each field with the headings we recognise exactly. */
export function acceptedHeadings(kind: ImportKind) {
  const synonyms = kind === 'contracts' ? HEADER_SYNONYMS : SYSTEM_HEADER_SYNONYMS;
  const required: string[] =
    kind === 'contracts' ? REQUIRED_CONTRACT_FIELDS : REQUIRED_SYSTEM_FIELDS;
  const labels = fieldLabels(kind);
  return fieldsOf(kind).map((field) => ({
    field,
    label: labels[field] ?? field,
    required: required.includes(field),
    headings: (synonyms as Record<string, HeaderRule[]>)[field]!.flatMap((rule) =>
      'phrase' in rule ? [rule.phrase] : []
    )
  }));
}

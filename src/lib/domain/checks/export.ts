import { column, type ExportTable } from '../export/table';
import type { IsoDate } from '../dates';
import type { Readiness } from './index';
import { STATUS_LABELS, VERDICT_LABELS, type CheckResult } from './types';

export interface CheckExportRow {
  check: string;
  status: string;
  summary: string;
  finding: string;
  findingStatus: string;
  detail: string;
  link: string;
}

/**
 * The readiness results as a table for the generic exporter (CSV or Excel, formula-looking
 * cells neutralised there): the verdicts first, then one row per finding, and one per check
 * that has none.
 */
export function checksTable(
  results: readonly CheckResult[],
  readiness: Readiness,
  today: IsoDate
): ExportTable<CheckExportRow> {
  const blank = { summary: '', finding: '', findingStatus: '', detail: '', link: '' };
  const rows: CheckExportRow[] = [
    {
      ...blank,
      check: 'Overall verdict',
      status: VERDICT_LABELS[readiness.verdict],
      summary: `As of ${today}`
    },
    ...readiness.successors.map((s) => ({
      ...blank,
      check: `Verdict for ${s.name}`,
      status: VERDICT_LABELS[s.verdict]
    }))
  ];
  for (const r of results) {
    const head = { check: r.title, status: STATUS_LABELS[r.status], summary: r.summary };
    if (r.findings.length === 0) rows.push({ ...blank, ...head });
    for (const f of r.findings) {
      rows.push({
        ...head,
        finding: f.label,
        findingStatus: STATUS_LABELS[f.severity],
        detail: f.detail ?? '',
        link: f.href ?? ''
      });
    }
  }
  return {
    sheet: 'Readiness',
    columns: [
      column.text<CheckExportRow>('Check', (r) => r.check, 40),
      column.text<CheckExportRow>('Status', (r) => r.status, 14),
      column.text<CheckExportRow>('Summary', (r) => r.summary, 50),
      column.text<CheckExportRow>('Finding', (r) => r.finding, 36),
      column.text<CheckExportRow>('Finding status', (r) => r.findingStatus, 14),
      column.text<CheckExportRow>('Detail', (r) => r.detail, 50),
      column.text<CheckExportRow>('Link', (r) => r.link, 40)
    ],
    rows
  };
}

import type { Readiness } from './index';
import { STATUS_LABELS, VERDICT_LABELS, type CheckResult } from './types';
import type { IsoDate } from '../dates';

/**
 * A cell as CSV: quoted when it must be, and neutralised when a spreadsheet would read it as
 * a formula (a leading =, +, -, @, tab or carriage return gets a leading apostrophe), so a
 * record named "=HYPERLINK(…)" cannot run anything on the reader's machine (OWASP CSV injection).
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRows(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One row per finding (and one per check with none), after a header block with the verdict. */
export function checksCsv(results: CheckResult[], readiness: Readiness, today: IsoDate): string {
  const rows: (string | number | null)[][] = [
    ['As of', today],
    ['Overall', VERDICT_LABELS[readiness.verdict]],
    ...readiness.successors.map((s) => [s.name, VERDICT_LABELS[s.verdict]]),
    [],
    ['Check', 'Status', 'Summary', 'Finding', 'Finding status', 'Detail', 'Link']
  ];
  for (const r of results) {
    const head = [r.title, STATUS_LABELS[r.status], r.summary];
    if (r.findings.length === 0) rows.push([...head, '', '', '', '']);
    for (const f of r.findings) {
      rows.push([...head, f.label, STATUS_LABELS[f.severity], f.detail, f.href]);
    }
  }
  return csvRows(rows);
}

import { CONTROL_STATUSES } from '#lib/schemas/checks.ts';
import { optionalLine } from '#lib/schemas/text.ts';
import { optionalDate } from './dates-form';
import type { ControlRecordInput } from './security';

/**
 * A council's security form: for each control in the catalogue, a status (blank for "not
 * recorded"), evidence and an expiry date, with the version the form was drawn from.
 */
export function parseSecurityForm(
  values: Record<string, string>,
  controls: { id: string; name: string }[]
): { ok: true; rows: ControlRecordInput[] } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const rows: ControlRecordInput[] = [];
  for (const control of controls) {
    const rawStatus = values[`status-${control.id}`] ?? '';
    const status = (CONTROL_STATUSES as readonly string[]).includes(rawStatus)
      ? (rawStatus as ControlRecordInput['status'])
      : null;
    if (rawStatus !== '' && status === null) {
      errors[`status-${control.id}`] = `Choose a status for ${control.name}`;
    }
    const read = optionalLine(`Evidence for ${control.name}`, 500).safeParse(
      values[`evidence-${control.id}`] ?? ''
    );
    if (!read.success) errors[`evidence-${control.id}`] = read.error.issues[0]!.message;
    const evidence = read.success ? (read.data ?? '') : '';
    const expiryDate = optionalDate(
      values,
      `expiry-${control.id}`,
      `Expiry date of ${control.name}`,
      errors
    );
    const version = Number(values[`version-${control.id}`] ?? '');
    if (!Number.isInteger(version) || version < 0) {
      errors.form = 'The form is out of date: reload the page';
    }
    if (status === null && (evidence || expiryDate) && !errors[`status-${control.id}`]) {
      errors[`status-${control.id}`] =
        `Choose a status for ${control.name}, or clear its evidence and expiry date`;
    }
    rows.push({
      controlId: control.id,
      status,
      evidence: evidence === '' ? null : evidence,
      expiryDate,
      version
    });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, rows };
}

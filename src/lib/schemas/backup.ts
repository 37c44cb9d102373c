import { z } from 'zod';
import { isIsoDate } from '#lib/domain/dates.ts';
import { normaliseText, type TextKind } from '#lib/domain/text.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupProblems,
  MAX_BACKUP_BYTES,
  type Backup
} from '#lib/domain/export/backup.ts';
import { LGR_TREATMENTS } from './contract-filters';
import { HOSTING, TIME_DISPOSITIONS } from './system';

/**
 * The backup file, version 1, checked in full before anything is written. Strict objects:
 * a field we do not know would be lost on restore, so it is refused rather than dropped.
 * Limits are those of the database (not of the forms), so everything a programme can hold
 * comes back, including what an import brought in.
 */
const INT4 = 2_147_483_647;
/**
 * Text by the rules every way in follows (src/lib/domain/text.ts), by the kind of field.
 * PostgreSQL cannot store NUL in text, so no backup we wrote holds one: a NUL means the file
 * was damaged or edited, and is refused here rather than failing half-way through. Other
 * control characters are removed rather than refused: a backup written before these rules may
 * hold some (they could be stored then), and it must still restore; they carry no meaning.
 */
const text = (max: number, kind: TextKind = 'line') =>
  z
    .string()
    .refine((v) => !v.includes('\u0000'), 'must not contain a NUL character')
    .overwrite((v) => normaliseText(v, kind).text)
    .max(max, `must be ${max} characters or fewer`);
const required = (max: number) => text(max).min(1, 'must not be empty');
const optionalText = (max: number, kind?: TextKind) => text(max, kind).nullable();
const isoDate = z
  .string()
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoDate(v),
    'must be a real date as YYYY-MM-DD'
  );
const count = (min: number, max: number) =>
  z
    .int(`must be a whole number`)
    .min(min, `must be ${min} or more`)
    .max(max, `must be ${max} or less`);
const pence = z.int('must be a whole number of pence').min(0, 'cannot be negative');
const key = z.string().regex(/^[a-z]+-\d+$/, 'must be a key such as "council-1"');

const programme = z.strictObject({
  name: required(200),
  area: text(200),
  vestingDate: isoDate,
  horizonYears: count(1, 30),
  capacity: count(1, 50),
  stabilisationMonths: count(0, 60)
});

const council = z.strictObject({
  key,
  name: required(500),
  role: z.enum(['predecessor', 'successor']),
  kind: z.enum(['county', 'district', 'unitary', 'metropolitan', 'london_borough']),
  gssCode: optionalText(50),
  website: optionalText(2000),
  m365Tenant: optionalText(500)
});

const succession = z.strictObject({ predecessor: key, successor: key, note: optionalText(5000) });

const serviceArea = z.strictObject({
  key,
  name: required(500),
  category: z.enum(['service', 'foundation']),
  priority: count(-INT4, INT4)
});

const system = z.strictObject({
  key,
  council: key,
  serviceArea: key.nullable(),
  name: required(500),
  product: optionalText(500),
  vendor: optionalText(500),
  hosting: z.enum(HOSTING).nullable(),
  users: count(0, INT4).nullable(),
  annualCostPence: pence.nullable(),
  lifecycle: optionalText(500),
  timeDisposition: z.enum(TIME_DISPOSITIONS).nullable(),
  dayOneCritical: z.boolean()
});

const contract = z.strictObject({
  council: key,
  reference: required(500),
  title: required(2000),
  description: optionalText(50_000, 'multiline'),
  department: optionalText(500),
  supplierName: required(1000),
  supplierCompanyNumber: optionalText(100),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  reviewDate: isoDate.nullable(),
  noticePeriodValue: count(0, INT4).nullable(),
  noticePeriodUnit: z.enum(['days', 'months']).nullable(),
  maxEndDate: isoDate.nullable(),
  annualValuePence: pence.nullable(),
  totalValuePence: pence.nullable(),
  lgrTreatment: z.enum(LGR_TREATMENTS),
  decisionDate: isoDate.nullable(),
  decisionNotes: optionalText(50_000, 'multiline'),
  extensionOptions: z
    .array(z.strictObject({ lengthMonths: count(1, 240), exercised: z.boolean() }))
    .max(100),
  systems: z.array(key)
});

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  programme,
  councils: z.array(council),
  successions: z.array(succession),
  serviceAreas: z.array(serviceArea),
  systems: z.array(system),
  contracts: z.array(contract)
});

export type BackupRead =
  { ok: true; backup: Backup } | { ok: false; message: string; details: string[] };

const NOT_A_BACKUP =
  'The file is not a Vesting Day backup. Choose the .json file downloaded from a programme’s Export page.';
const MAX_DETAILS = 10;

function fail(message: string, details: string[] = []): BackupRead {
  const more = details.length - MAX_DETAILS;
  const shown = details.slice(0, MAX_DETAILS);
  if (more > 0) shown.push(`… and ${more} more ${more === 1 ? 'problem' : 'problems'}.`);
  return { ok: false, message, details: shown };
}

export function backupTooBigMessage(bytes: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
  return `The file is ${mb(bytes)} MB; a backup can be at most ${mb(MAX_BACKUP_BYTES)} MB.`;
}

/** Where in the file a problem is, as people count: "contracts, item 3, endDate". */
function where(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `item ${p + 1}` : String(p))).join(', ');
}

/**
 * Reads a backup file's text: the format and version first (so a foreign or newer file gets
 * a message about that, not a list of field errors), then every field, then the references
 * between records. `bytes` is the file's size as uploaded.
 */
export function readBackup(textContent: string, bytes = textContent.length): BackupRead {
  if (bytes > MAX_BACKUP_BYTES) return fail(backupTooBigMessage(bytes));
  if (bytes === 0 || textContent.trim() === '') return fail('The file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(textContent.replace(/^\uFEFF/, ''));
  } catch {
    return fail(NOT_A_BACKUP, ['It is not JSON (it may be damaged, or a different kind of file).']);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail(NOT_A_BACKUP);
  const { format, version } = data as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) {
    return fail(NOT_A_BACKUP, [`It does not say "format": "${BACKUP_FORMAT}".`]);
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('The backup has no valid version number, so it cannot be read safely.');
  }
  if (version > BACKUP_VERSION) {
    return fail(
      `This backup was made by a newer version of Vesting Day (backup format version ${version}). ` +
        `This installation can restore version ${BACKUP_VERSION} only: update Vesting Day, then try again.`
    );
  }
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) {
    return fail(
      'The backup is damaged or was edited by hand: some of its fields are not valid.',
      parsed.error.issues.map((i) => `${where(i.path) || 'The file'}: ${i.message}`)
    );
  }
  const problems = backupProblems(parsed.data);
  if (problems.length > 0) {
    return fail('The backup’s records do not fit together, so nothing was restored.', problems);
  }
  return { ok: true, backup: parsed.data };
}

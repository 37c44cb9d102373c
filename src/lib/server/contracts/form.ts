import { checkContractDates, type ContractTerms } from '#lib/domain/contracts.ts';
import { parseDateParts } from '#lib/domain/date-input.ts';
import { parsePounds } from '#lib/domain/money.ts';
import {
  contractFieldsSchema,
  CONTRACT_DATE_FIELDS,
  MAX_OPTION_ROWS,
  type ContractFields
} from '#lib/schemas/contract.ts';
import { fieldErrors } from '#lib/schemas/form.ts';
import type { IsoDate } from '#lib/domain/dates.ts';

export interface ContractInput extends Omit<ContractFields, 'version'> {
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  reviewDate: IsoDate | null;
  maxEndDate: IsoDate | null;
  decisionDate: IsoDate | null;
  annualValuePence: number | null;
  totalValuePence: number | null;
  extensionOptions: { lengthMonths: number; exercised: boolean }[];
  systemIds: string[];
}

export type ContractFormResult =
  | { ok: true; input: ContractInput; version: number | undefined; values: Record<string, string> }
  | { ok: false; errors: Record<string, string>; values: Record<string, string> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the contract form: plain fields through zod, GOV.UK date inputs, money as people type
 * it, option rows, linked systems; then the cross-field date checks of the domain.
 */
export function parseContractForm(data: FormData): ContractFormResult {
  const values: Record<string, string> = {};
  for (const [key, value] of data) {
    if (typeof value === 'string' && !(key in values)) values[key] = value.slice(0, 10_000);
  }
  const errors: Record<string, string> = {};
  const fields = contractFieldsSchema.safeParse(values);
  if (!fields.success) Object.assign(errors, fieldErrors(fields.error));

  const dates: Record<string, IsoDate | null> = {};
  for (const [name, label] of CONTRACT_DATE_FIELDS) {
    const [d, m, y] = ['day', 'month', 'year'].map((p) => (values[`${name}-${p}`] ?? '').trim());
    if (!d && !m && !y) {
      dates[name] = null;
      continue;
    }
    const parsed = parseDateParts(label, d!, m!, y!);
    if (parsed.ok) dates[name] = parsed.date;
    else errors[name] = parsed.message;
  }

  const money: Record<string, number | null> = {};
  for (const [name, label] of [
    ['annualValue', 'Annual value'],
    ['totalValue', 'Total value']
  ] as const) {
    const parsed = parsePounds(values[name] ?? '', label);
    if (parsed.ok) money[name] = parsed.pence;
    else errors[name] = parsed.message;
  }

  const extensionOptions: ContractInput['extensionOptions'] = [];
  for (let i = 0; i < MAX_OPTION_ROWS; i++) {
    const raw = (values[`option-${i}-months`] ?? '').trim();
    if (raw === '') continue;
    if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 240) {
      errors[`option-${i}-months`] =
        `Extension option ${i + 1} must be a whole number of months from 1 to 240`;
      continue;
    }
    extensionOptions.push({
      lengthMonths: Number(raw),
      exercised: values[`option-${i}-exercised`] === 'yes'
    });
  }

  const systemIds = [
    ...new Set(data.getAll('systems').filter((v): v is string => typeof v === 'string'))
  ];
  if (systemIds.some((id) => !UUID.test(id))) errors.systems = 'Choose systems from the list';
  values.systems = systemIds.join(',');

  if (Object.keys(errors).length === 0 && fields.success) {
    const terms: ContractTerms = {
      startDate: dates.startDate ?? null,
      endDate: dates.endDate ?? null,
      noticePeriodValue: fields.data.noticePeriodValue,
      noticePeriodUnit:
        fields.data.noticePeriodValue === null ? null : fields.data.noticePeriodUnit,
      maxEndDate: dates.maxEndDate ?? null,
      extensionOptions
    };
    for (const problem of checkContractDates(terms)) {
      if (problem.severity === 'error') errors[problem.field] ??= problem.message;
    }
  }
  if (!fields.success || Object.keys(errors).length > 0) return { ok: false, errors, values };
  const { version, ...rest } = fields.data;
  return {
    ok: true,
    version,
    values,
    input: {
      ...rest,
      noticePeriodUnit: rest.noticePeriodValue === null ? 'months' : rest.noticePeriodUnit,
      startDate: dates.startDate ?? null,
      endDate: dates.endDate ?? null,
      reviewDate: dates.reviewDate ?? null,
      maxEndDate: dates.maxEndDate ?? null,
      decisionDate: dates.decisionDate ?? null,
      annualValuePence: money.annualValue ?? null,
      totalValuePence: money.totalValue ?? null,
      extensionOptions,
      systemIds
    }
  };
}

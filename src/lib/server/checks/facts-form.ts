import type { CouncilFacts } from '#lib/domain/checks/index.ts';
import { fieldErrors } from '#lib/schemas/form.ts';
import { predecessorFactsSchema, successorFactsSchema } from '#lib/schemas/checks.ts';
import { optionalDate } from './dates-form';

export type FactsInput = Omit<CouncilFacts, 'councilId'>;

export type FactsFormResult =
  { ok: true; input: FactsInput; version: number } | { ok: false; errors: Record<string, string> };

const NONE: FactsInput = {
  tenancyStatus: null,
  tenancyDate: null,
  financeMove: null,
  financeHostCouncilId: null,
  financeDate: null,
  redirectPlan: null,
  redirectDate: null,
  legacyRouting: null,
  targetTenant: null,
  financeSystemId: null,
  websiteUrl: null,
  websiteGoLive: null
};

/**
 * The day-one facts form of one council. Which fields apply depends on its role; a date is
 * asked for where the answer needs one (a planned migration, a move, planned redirects).
 */
export function parseFactsForm(
  values: Record<string, string>,
  role: 'predecessor' | 'successor'
): FactsFormResult {
  const errors: Record<string, string> = {};
  if (role === 'successor') {
    const parsed = successorFactsSchema.safeParse(values);
    if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
    const websiteGoLive = optionalDate(values, 'websiteGoLive', 'Go-live date', errors);
    if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
    const { version, ...rest } = parsed.data;
    return { ok: true, version, input: { ...NONE, ...rest, websiteGoLive } };
  }
  const parsed = predecessorFactsSchema.safeParse(values);
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  const tenancyDate = optionalDate(values, 'tenancyDate', 'Migration date', errors);
  const financeDate = optionalDate(values, 'financeDate', 'Finance move date', errors);
  const redirectDate = optionalDate(values, 'redirectDate', 'Redirect date', errors);
  if (parsed.success) {
    const d = parsed.data;
    if (d.tenancyStatus === 'migration_planned' && !tenancyDate && !errors.tenancyDate) {
      errors.tenancyDate = 'Enter the planned migration date';
    }
    if ((d.financeMove === 'migrated' || d.financeMove === 'hosted') && !financeDate) {
      errors.financeDate ??= 'Enter the date finance moves';
    }
    if (d.financeMove === 'hosted' && !d.financeHostCouncilId) {
      errors.financeHostCouncilId = 'Choose the council that hosts finance';
    }
    if (d.redirectPlan === 'planned' && !redirectDate) {
      errors.redirectDate ??= 'Enter the date the redirects switch on';
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const { version, ...rest } = parsed.data;
  return {
    ok: true,
    version,
    input: {
      ...NONE,
      ...rest,
      tenancyDate: rest.tenancyStatus === 'migration_planned' ? tenancyDate : null,
      financeHostCouncilId: rest.financeMove === 'hosted' ? rest.financeHostCouncilId : null,
      financeDate: rest.financeMove && rest.financeMove !== 'not_planned' ? financeDate : null,
      redirectDate: rest.redirectPlan === 'planned' ? redirectDate : null
    }
  };
}

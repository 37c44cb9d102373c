import { redirect } from '@sveltejs/kit';
import { fieldErrors } from '#lib/schemas/form.ts';
import {
  parseVestingDate,
  programmeDetailsSchema,
  successorNameSchema
} from '#lib/schemas/programme.ts';
import { templateFromCounty } from '#lib/domain/programme-templates.ts';
import { countyWithDistricts, currentCouncils } from '#lib/domain/register/index.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, failWithErrors, readFormData } from '#lib/server/forms.ts';
import { createProgramme } from '#lib/server/programmes/create.ts';
import type { Actions, PageServerLoad } from './$types';

const counties = () =>
  currentCouncils()
    .filter((c) => c.kind === 'county')
    .map((c) => ({ code: c.code, name: c.name }));

export const load: PageServerLoad = ({ url }) => {
  const code = url.searchParams.get('county');
  const proposal = code ? countyWithDistricts(code) : undefined;
  return {
    counties: counties(),
    chosen: code,
    unknownCounty: !!code && !proposal,
    proposal: proposal
      ? {
          county: {
            code: proposal.county.code,
            name: proposal.county.name,
            shortName: proposal.county.shortName
          },
          districts: proposal.districts.map((d) => ({ code: d.code, name: d.name, gss: d.gss }))
        }
      : null
  };
};

export const actions: Actions = {
  default: async ({ request, url, locals, getClientAddress }) => {
    const proposal = countyWithDistricts(url.searchParams.get('county') ?? '');
    if (!proposal) return failWith('county', 'Choose a county from the list');
    const data = await readFormData(request);
    if (!data) return failWith('form', 'The form could not be read. Try again.');
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value.slice(0, 500) : '';
    };
    const values: Record<string, string> = {};
    for (const name of [
      'name',
      'area',
      'vestingDate-day',
      'vestingDate-month',
      'vestingDate-year',
      'successor-0',
      'successor-1'
    ]) {
      values[name] = text(name);
    }
    const predecessors = [proposal.county, ...proposal.districts];
    const assignments = Object.fromEntries(
      predecessors.map((p) => [p.code, data.getAll(`assign-${p.code}`).map((v) => Number(v))])
    );
    predecessors.forEach((p) => (values[`assign-${p.code}`] = assignments[p.code]!.join(',')));

    const details = programmeDetailsSchema.safeParse(values);
    const vesting = parseVestingDate(values);
    const nameErrors: Record<string, string> = {};
    const successorNames = (['successor-0', 'successor-1'] as const).map((field) => {
      const read = successorNameSchema.safeParse(values[field]);
      if (read.success) return read.data;
      nameErrors[field] = read.error.issues[0]!.message;
      return '';
    });
    const plan = templateFromCounty(proposal, {
      successorNames: successorNames.filter((n) => n !== ''),
      assignments
    });
    if (!details.success || !vesting.ok || !plan.ok || Object.keys(nameErrors).length > 0) {
      return failWithErrors(
        {
          ...(details.success ? {} : fieldErrors(details.error)),
          ...(vesting.ok ? {} : { vestingDate: vesting.message }),
          ...(plan.ok ? {} : plan.errors),
          ...nameErrors
        },
        values
      );
    }
    const created = await createProgramme(
      db(),
      locals.user!,
      {
        ...details.data,
        vestingDate: vesting.date,
        ...plan.template,
        source: `county:${proposal.county.code}`
      },
      getClientAddress()
    );
    redirect(303, `/programmes/${created.slug}`);
  }
};

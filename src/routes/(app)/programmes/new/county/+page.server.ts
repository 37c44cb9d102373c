import { redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/schemas/form';
import { parseVestingDate, programmeDetailsSchema } from '$lib/schemas/programme';
import { templateFromCounty } from '$lib/domain/programme-templates';
import { countyWithDistricts, currentCouncils } from '$lib/domain/register';
import { db } from '$lib/server/db';
import { failWith, failWithErrors, readFormData } from '$lib/server/forms';
import { createProgramme } from '$lib/server/programmes/create';
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
    const plan = templateFromCounty(proposal, {
      successorNames: [values['successor-0']!, values['successor-1']!].filter(
        (n) => n.trim() !== ''
      ),
      assignments
    });
    if (!details.success || !vesting.ok || !plan.ok) {
      return failWithErrors(
        {
          ...(details.success ? {} : fieldErrors(details.error)),
          ...(vesting.ok ? {} : { vestingDate: vesting.message }),
          ...(plan.ok ? {} : plan.errors)
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

import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { councilSchema } from '$lib/schemas/council';
import { fieldErrors } from '$lib/schemas/form';
import { requireProgramme } from '$lib/server/access';
import { findCouncil, listCouncils, updateCouncil } from '$lib/server/councils';
import { db } from '$lib/server/db';
import { failWith, failWithErrors } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

export const load: PageServerLoad = async ({ parent, params }) => {
  const { programme } = await parent();
  if (programme.role === 'viewer')
    error(403, 'Your role on this programme does not allow this. Ask an owner for access.');
  const council = uuid.safeParse(params.council).success
    ? await findCouncil(db(), programme.id, params.council)
    : null;
  if (!council) error(404, 'Not found');
  const successors = (await listCouncils(db(), programme.id)).filter(
    (c) => c.role === 'successor' && c.id !== council.id
  );
  return { council, successors: successors.map((s) => ({ id: s.id, name: s.name })) };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    if (!uuid.safeParse(params.council).success) error(404, 'Not found');
    let data: FormData;
    try {
      data = await request.formData();
    } catch {
      return failWith('form', 'The form could not be read. Try again.');
    }
    const fields: Record<string, string> = {};
    for (const name of ['name', 'role', 'kind', 'gssCode', 'website', 'm365Tenant', 'version']) {
      const value = data.get(name);
      if (typeof value === 'string') fields[name] = value;
    }
    const successorIds = data
      .getAll('successors')
      .filter((v): v is string => typeof v === 'string');
    const parsed = councilSchema.safeParse(fields);
    const idsValid = successorIds.every((id) => uuid.safeParse(id).success);
    if (!parsed.success || !idsValid || parsed.data.version === undefined) {
      return failWithErrors(
        {
          ...(parsed.success ? {} : fieldErrors(parsed.error)),
          ...(idsValid ? {} : { successors: 'Choose new councils from the list' }),
          ...(parsed.success && parsed.data.version === undefined
            ? { form: 'The form is out of date: reload the page' }
            : {})
        },
        { ...fields, successors: successorIds.join(',') }
      );
    }
    const { version, ...input } = parsed.data;
    const result = await updateCouncil(
      db(),
      locals.user!,
      programme.id,
      params.council,
      version!,
      input,
      successorIds,
      getClientAddress()
    );
    if (result.ok) redirect(303, `/programmes/${programme.slug}/councils`);
    if (result.kind === 'gone') error(404, 'This council has been deleted');
    if (result.kind === 'invalid') return failWith(result.field, result.message, fields);
    return fail(409, {
      conflict: {
        yours: { ...input, successorIds: [...successorIds].sort() },
        theirs: result.current
      },
      values: {},
      errors: {}
    });
  }
};

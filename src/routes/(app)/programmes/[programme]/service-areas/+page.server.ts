import { serviceAreaSchema } from '#lib/schemas/service-area.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import { createServiceArea, listServiceAreas } from '#lib/server/service-areas.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  return {
    areas: await listServiceAreas(db(), programme.id),
    saved: url.searchParams.has('saved'),
    deleted: url.searchParams.has('deleted')
  };
};

// The action checks the role itself: form actions do not run layout loads.
export const actions: Actions = {
  add: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(request, serviceAreaSchema);
    if (!parsed.ok) return parsed.failure;
    const { version: _version, ...input } = parsed.data;
    const result = await createServiceArea(
      db(),
      locals.user!,
      programme.id,
      input,
      getClientAddress()
    );
    if (result.ok) return { done: 'added' };
    if (result.kind === 'invalid')
      return failWith(result.field, result.message, { name: input.name });
    return failWith('form', 'The service area could not be added', { name: input.name });
  }
};

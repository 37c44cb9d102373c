import { z } from 'zod';
import { serviceAreaSchema } from '$lib/schemas/service-area';
import { requireProgramme } from '$lib/server/access';
import { db } from '$lib/server/db';
import { failWith, parseForm } from '$lib/server/forms';
import {
  createServiceArea,
  deleteServiceArea,
  listServiceAreas,
  updateServiceArea,
  type AreaWriteResult
} from '$lib/server/service-areas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  const { programme } = await parent();
  return { areas: await listServiceAreas(db(), programme.id) };
};

const CONFLICT =
  'Someone else changed this service area while you were editing it. Nothing was saved: check the list and try again.';

function answer(result: AreaWriteResult, done: string, values: Record<string, string> = {}) {
  if (result.ok) return { done };
  if (result.kind === 'invalid') return failWith(result.field, result.message, values);
  return failWith(
    'form',
    result.kind === 'gone' ? 'That service area has already been deleted' : CONFLICT,
    {},
    409
  );
}

const withId = serviceAreaSchema.extend({ id: z.uuid({ error: 'Choose a service area' }) });
const idAndVersion = z.object({
  id: z.uuid({ error: 'Choose a service area' }),
  version: z.coerce.number().int().min(1)
});

// Every action checks the role itself: form actions do not run layout loads.
export const actions: Actions = {
  add: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(request, serviceAreaSchema);
    if (!parsed.ok) return parsed.failure;
    const { version: _v, ...input } = parsed.data;
    const result = await createServiceArea(
      db(),
      locals.user!,
      programme.id,
      input,
      getClientAddress()
    );
    return answer(result, 'added', { name: input.name });
  },
  update: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(request, withId);
    if (!parsed.ok) return parsed.failure;
    const { id, version, ...input } = parsed.data;
    if (version === undefined) return failWith('form', 'The form is out of date: reload the page');
    return answer(
      await updateServiceArea(
        db(),
        locals.user!,
        programme.id,
        id,
        version,
        input,
        getClientAddress()
      ),
      'updated'
    );
  },
  remove: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(request, idAndVersion);
    if (!parsed.ok) return parsed.failure;
    return answer(
      await deleteServiceArea(
        db(),
        locals.user!,
        programme.id,
        parsed.data.id,
        parsed.data.version,
        getClientAddress()
      ),
      'removed'
    );
  }
};

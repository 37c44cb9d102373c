import { z } from 'zod';
import { isIsoDate } from '#lib/domain/dates.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { auditFilterOptions, listAuditEvents } from '#lib/server/audit-log.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import { canRestore, restoreFromAudit } from '#lib/server/restore.ts';
import type { Actions, PageServerLoad } from './$types';

const isoDate = z.string().refine(isIsoDate).optional().catch(undefined);
const filtersSchema = z.object({
  entity: z.string().max(40).optional().catch(undefined),
  action: z.string().max(60).optional().catch(undefined),
  user: z.uuid().optional().catch(undefined),
  from: isoDate,
  to: isoDate,
  page: z.coerce.number().int().min(1).max(100_000).catch(1)
});

export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  const filters = filtersSchema.parse(
    Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''))
  );
  const [list, options] = await Promise.all([
    listAuditEvents(db(), programme.id, filters),
    auditFilterOptions(db(), programme.id)
  ]);
  return {
    filters,
    options,
    list: { ...list, rows: list.rows.map((r) => ({ ...r, restorable: canRestore(r.action) })) },
    restored: url.searchParams.get('restored'),
    fullWidth: true
  };
};

export const actions: Actions = {
  restore: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'owner');
    const parsed = await parseForm(
      request,
      z.object({ eventId: z.coerce.number({ error: 'Choose an event' }).int().min(1) })
    );
    if (!parsed.ok) return parsed.failure;
    const result = await restoreFromAudit(
      db(),
      locals.user!,
      programme.id,
      parsed.data.eventId,
      getClientAddress()
    );
    if (!result.ok) return failWith('form', result.message, {}, 409);
    return { restored: result.entity };
  }
};

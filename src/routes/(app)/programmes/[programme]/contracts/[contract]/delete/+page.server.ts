import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import { findContract } from '#lib/server/contracts/queries.ts';
import { deleteContract } from '#lib/server/contracts/writes.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

export const load: PageServerLoad = async ({ parent, params }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const contract = uuid.safeParse(params.contract).success
    ? await findContract(db(), programme.id, params.contract)
    : null;
  if (!contract) error(404, 'Not found');
  return {
    contract: {
      id: contract.id,
      reference: contract.reference,
      title: contract.title,
      version: contract.version
    }
  };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    if (!uuid.safeParse(params.contract).success) error(404, 'Not found');
    const parsed = await parseForm(request, z.object({ version: z.coerce.number().int().min(1) }));
    if (!parsed.ok) return parsed.failure;
    const result = await deleteContract(
      db(),
      locals.user!,
      programme.id,
      params.contract,
      parsed.data.version,
      getClientAddress()
    );
    if (result.ok) redirect(303, `/programmes/${programme.slug}/contracts?deleted=1`);
    if (result.kind === 'gone') error(404, 'This contract has already been deleted');
    return failWith(
      'form',
      'Someone else changed this contract since you opened this page. Check it again before deleting.',
      {},
      409
    );
  }
};

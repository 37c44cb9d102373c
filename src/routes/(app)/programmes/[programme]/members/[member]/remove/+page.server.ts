import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { todayUtc } from '#lib/domain/dates.ts';
import { memberRemovalSchema } from '#lib/schemas/member-removal.ts';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import { memberRemoval, removeMember } from '#lib/server/members/index.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

/**
 * Removing a member, confirmed: what it ends (their calendar address, and the share links they
 * made, listed so the owner can choose to keep them), then the removal. Owners only.
 */
export const load: PageServerLoad = async ({ parent, params }) => {
  const { programme } = await parent();
  requireRole(programme, 'owner');
  const removal = uuid.safeParse(params.member).success
    ? await memberRemoval(db(), programme.id, params.member, todayUtc())
    : null;
  if (!removal) error(404, 'Not found');
  return { removal };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'owner');
    if (!uuid.safeParse(params.member).success) error(404, 'Not found');
    const parsed = await parseForm(request, memberRemovalSchema);
    if (!parsed.ok) return parsed.failure;
    const outcome = await removeMember(
      db(),
      locals.user!,
      programme.id,
      params.member,
      getClientAddress(),
      { revokeShareLinks: parsed.data.revokeShareLinks }
    );
    if (!outcome.ok) {
      if (outcome.reason === 'not-member') error(404, 'This person is no longer a member');
      return failWith('form', outcome.message);
    }
    // An owner who removed themself can no longer see the members page.
    if (params.member === locals.user!.id) redirect(303, '/programmes');
    const counts = `revoked=${outcome.shareLinksRevoked}&kept=${outcome.shareLinksKept}`;
    redirect(303, `/programmes/${programme.slug}/members?done=removed&${counts}`);
  }
};

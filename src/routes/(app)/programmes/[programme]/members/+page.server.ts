import { addMemberSchema, changeRoleSchema } from '#lib/schemas/accounts.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import { addMember, changeMemberRole, listMembers } from '#lib/server/members/index.ts';
import type { Actions, PageServerLoad } from './$types';

/** A count from the removal's redirect (members/[member]/remove), for the banner. */
function countParam(url: URL, name: string): number {
  const n = Number(url.searchParams.get(name));
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  return {
    members: await listMembers(db(), programme.id),
    removed:
      url.searchParams.get('done') === 'removed'
        ? { revoked: countParam(url, 'revoked'), kept: countParam(url, 'kept') }
        : null
  };
};

// Every action checks the role itself: form actions do not run layout loads.
export const actions: Actions = {
  add: async ({ request, locals, params, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'owner');
    const parsed = await parseForm(request, addMemberSchema);
    if (!parsed.ok) return parsed.failure;
    const outcome = await addMember(
      db(),
      locals.user!,
      programme.id,
      parsed.data,
      getClientAddress()
    );
    return outcome.ok
      ? { done: 'added' }
      : failWith(outcome.field, outcome.message, {
          email: parsed.data.email,
          role: parsed.data.role
        });
  },
  changeRole: async ({ request, locals, params, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'owner');
    const parsed = await parseForm(request, changeRoleSchema);
    if (!parsed.ok) return parsed.failure;
    const outcome = await changeMemberRole(
      db(),
      locals.user!,
      programme.id,
      parsed.data.userId,
      parsed.data.role,
      getClientAddress()
    );
    return outcome.ok ? { done: 'changed' } : failWith(outcome.field, outcome.message);
  }
  // Removing someone is confirmed on its own page: members/[member]/remove.
};

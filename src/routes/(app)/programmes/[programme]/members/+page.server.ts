import { addMemberSchema, changeRoleSchema, userIdSchema } from '$lib/schemas/accounts';
import { requireProgramme } from '$lib/server/access';
import { db } from '$lib/server/db';
import { failWith, parseForm } from '$lib/server/forms';
import { addMember, changeMemberRole, listMembers, removeMember } from '$lib/server/members';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  const { programme } = await parent();
  return { members: await listMembers(db(), programme.id) };
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
  },
  remove: async ({ request, locals, params, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'owner');
    const parsed = await parseForm(request, userIdSchema);
    if (!parsed.ok) return parsed.failure;
    const outcome = await removeMember(
      db(),
      locals.user!,
      programme.id,
      parsed.data.userId,
      getClientAddress()
    );
    return outcome.ok ? { done: 'removed' } : failWith(outcome.field, outcome.message);
  }
};

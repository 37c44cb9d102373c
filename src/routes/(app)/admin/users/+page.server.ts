import { newUserSchema } from '#lib/schemas/accounts.ts';
import { createUserAccount, listUsers } from '#lib/server/accounts.ts';
import { requireAdmin } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  requireAdmin(locals.user);
  return { users: await listUsers(db()) };
};

export const actions: Actions = {
  create: async ({ request, locals, getClientAddress }) => {
    const admin = requireAdmin(locals.user);
    const parsed = await parseForm(request, newUserSchema);
    if (!parsed.ok) return parsed.failure;
    const { email, displayName, isAdmin } = parsed.data;
    const outcome = await createUserAccount(
      db(),
      admin,
      { email, displayName, isAdmin: isAdmin === 'yes' },
      getClientAddress()
    );
    if (!outcome.ok) return failWith(outcome.field, outcome.message, { email, displayName });
    return { created: { email, password: outcome.password } };
  }
};

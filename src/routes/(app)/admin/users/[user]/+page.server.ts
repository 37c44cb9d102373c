import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { findUser, resetUserPassword, setUserDisabled } from '#lib/server/accounts.ts';
import { requireAdmin } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const userId = z.uuid();

async function loadTarget(param: string) {
  const parsed = userId.safeParse(param);
  const user = parsed.success ? await findUser(db(), parsed.data) : null;
  if (!user) error(404, 'Not found');
  return user;
}

export const load: PageServerLoad = async ({ locals, params }) => {
  requireAdmin(locals.user);
  return { target: await loadTarget(params.user) };
};

export const actions: Actions = {
  disable: async ({ locals, params, getClientAddress }) => {
    const admin = requireAdmin(locals.user);
    const target = await loadTarget(params.user);
    const outcome = await setUserDisabled(db(), admin, target.id, true, getClientAddress());
    return outcome.ok ? { done: 'disabled' } : failWith(outcome.field, outcome.message);
  },
  enable: async ({ locals, params, getClientAddress }) => {
    const admin = requireAdmin(locals.user);
    const target = await loadTarget(params.user);
    const outcome = await setUserDisabled(db(), admin, target.id, false, getClientAddress());
    return outcome.ok ? { done: 'enabled' } : failWith(outcome.field, outcome.message);
  },
  resetPassword: async ({ locals, params, getClientAddress }) => {
    const admin = requireAdmin(locals.user);
    const target = await loadTarget(params.user);
    const outcome = await resetUserPassword(db(), admin, target.id, getClientAddress());
    return outcome.ok ? { password: outcome.password } : failWith(outcome.field, outcome.message);
  }
};

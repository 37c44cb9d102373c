import { changePasswordSchema, sessionIdSchema } from '#lib/schemas/accounts.ts';
import { endOwnSession, listSessionsForUser } from '#lib/server/accounts.ts';
import { changeOwnPassword } from '#lib/server/auth/change-password.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  sessions: (await listSessionsForUser(db(), locals.user!.id)).map((s) => ({
    ...s,
    current: s.id === locals.session!.id
  }))
});

export const actions: Actions = {
  changePassword: async ({ request, locals, getClientAddress }) => {
    const parsed = await parseForm(request, changePasswordSchema);
    if (!parsed.ok) return parsed.failure;
    const outcome = await changeOwnPassword(
      db(),
      locals.user!,
      locals.session!.id,
      parsed.data,
      getClientAddress()
    );
    if (!outcome.ok) return failWith(outcome.field, outcome.message, {}, outcome.status);
    return { passwordChanged: true };
  },
  endSession: async ({ request, locals, getClientAddress }) => {
    const parsed = await parseForm(request, sessionIdSchema);
    if (!parsed.ok) return parsed.failure;
    const outcome = await endOwnSession(
      db(),
      locals.user!.id,
      parsed.data.sessionId,
      getClientAddress()
    );
    if (!outcome.ok) return failWith(outcome.field, outcome.message);
    return { sessionEnded: true };
  }
};

import { fail, redirect } from '@sveltejs/kit';
import { signInSchema } from '#lib/schemas/auth.ts';
import { safeRedirectPath } from '#lib/safe-redirect.ts';
import { fieldErrors, formFields } from '#lib/schemas/form.ts';
import { readFormData } from '#lib/server/forms.ts';
import { setSessionCookie } from '#lib/server/auth/cookies.ts';
import { signIn } from '#lib/server/auth/sign-in.ts';
import { minutesText } from '#lib/server/auth/throttle.ts';
import { db } from '#lib/server/db/index.ts';
import { countUsers } from '#lib/server/accounts.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
  // A new installation without demo data: the first administrator is created at /setup.
  if ((await countUsers(db())) === 0) redirect(303, '/setup');
  return { signedOut: url.searchParams.has('signedOut') };
};

export const actions: Actions = {
  default: async ({ request, cookies, url, getClientAddress }) => {
    const data = await readFormData(request);
    const fields = data ? formFields(data, ['email', 'password']) : {};
    // Echo back only the email, never the password.
    const email = (fields.email ?? '').slice(0, 320);
    const parsed = signInSchema.safeParse(fields);
    if (!parsed.success) {
      return fail(400, { email, errors: fieldErrors(parsed.error) });
    }
    const result = await signIn(db(), parsed.data.email, parsed.data.password, {
      ipAddress: getClientAddress(),
      userAgent: request.headers.get('user-agent')
    });
    if (!result.ok) {
      const message =
        result.reason === 'throttled'
          ? `Too many failed attempts to sign in. Wait ${minutesText(result.retryAfterMinutes)} and try again, or ask an administrator to reset your password.`
          : 'Enter a correct email address and password';
      return fail(result.reason === 'throttled' ? 429 : 400, { email, errors: { email: message } });
    }
    setSessionCookie(cookies, url, result.token, result.session.absoluteExpiresAt);
    redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
  }
};

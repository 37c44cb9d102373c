import { todayUtc } from '$lib/domain/dates';
import { defaultShareExpiry, shareExpiryProblem } from '$lib/domain/present/share-links';
import { requireProgramme, requireRole } from '$lib/server/access';
import { db } from '$lib/server/db';
import { failWith, parseForm } from '$lib/server/forms';
import { createShareLink, listShareLinks, revokeShareLink, sharePath } from '$lib/server/present';
import { listScenarios } from '$lib/server/roadmap';
import { revokeShareSchema, shareLinkSchema } from '$lib/schemas/share';
import type { Actions, PageServerLoad } from './$types';

/**
 * Share links for the present view. Editors and owners manage them: the person preparing a
 * leadership pack is usually the transformation lead, an editor. Viewers cannot: a link is a
 * standing way in for people without accounts, so making one is more than reading.
 */
export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const today = todayUtc();
  const [links, scenarios] = await Promise.all([
    listShareLinks(db(), programme.id, today),
    listScenarios(db(), programme.id)
  ]);
  return {
    links,
    scenarios: scenarios.map((s) => ({ id: s.id, name: s.name, isCurrent: s.isCurrent })),
    defaultExpiry: defaultShareExpiry(today),
    revoked: url.searchParams.has('revoked')
  };
};

// Every action checks the role itself: form actions do not run layout loads.
export const actions: Actions = {
  create: async ({ request, locals, params, url, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(request, shareLinkSchema);
    if (!parsed.ok) return parsed.failure;
    const problem = shareExpiryProblem(parsed.data.expiresOn, todayUtc());
    if (problem) return failWith('expiresOn', problem, parsed.data);
    const result = await createShareLink(
      db(),
      locals.user!,
      programme.id,
      parsed.data,
      getClientAddress()
    );
    if (!result.ok) return failWith('scenarioId', result.message, parsed.data);
    // Shown once, in this response only: the database keeps just its hash.
    return { created: `${url.origin}${sharePath(result.token)}`, label: parsed.data.label };
  },
  revoke: async ({ request, locals, params, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(request, revokeShareSchema);
    if (!parsed.ok) return parsed.failure;
    const revoked = await revokeShareLink(
      db(),
      locals.user!,
      programme.id,
      parsed.data.linkId,
      getClientAddress()
    );
    return revoked
      ? { revoked: true }
      : failWith('form', 'That link has already been revoked or does not exist.', {}, 404);
  }
};

import { error } from '@sveltejs/kit';
import { todayUtc } from '#lib/domain/dates.ts';
import { defaultShareExpiry, shareExpiryProblem } from '#lib/domain/present/share-links.ts';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import {
  createShareLink,
  listShareLinks,
  revokeShareLink,
  sharePath
} from '#lib/server/present/index.ts';
import { listScenarios } from '#lib/server/roadmap/index.ts';
import { listApprovals } from '#lib/server/review/index.ts';
import { revokeShareSchema, shareLinkSchema } from '#lib/schemas/share.ts';
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
  const [links, scenarios, approvals] = await Promise.all([
    listShareLinks(db(), programme.id, today),
    listScenarios(db(), programme.id),
    listApprovals(db(), programme.id)
  ]);
  return {
    links,
    scenarios: scenarios.map((s) => ({ id: s.id, name: s.name, isCurrent: s.isCurrent })),
    // An approval whose scenario has been deleted cannot be shared (a link needs its scenario).
    approvals: approvals
      .filter((a) => a.scenarioId)
      .map((a) => ({
        id: a.id,
        approvedBy: a.approvedBy,
        approvedOn: a.approvedOn,
        scenarioName: a.scenarioName
      })),
    defaultExpiry: defaultShareExpiry(today),
    revoked: url.searchParams.has('revoked')
  };
};

/** The form's values as posted, to fill it in again after an error. */
function values(data: { plan: { kind: string; id: string }; label: string; expiresOn: string }) {
  return {
    plan: `${data.plan.kind}:${data.plan.id}`,
    label: data.label,
    expiresOn: data.expiresOn
  };
}

// Every action checks the role itself: form actions do not run layout loads.
export const actions: Actions = {
  create: async ({ request, locals, params, url, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(request, shareLinkSchema);
    if (!parsed.ok) return parsed.failure;
    const problem = shareExpiryProblem(parsed.data.expiresOn, todayUtc());
    if (problem) return failWith('expiresOn', problem, values(parsed.data));
    const result = await createShareLink(
      db(),
      locals.user!,
      programme.id,
      parsed.data,
      getClientAddress()
    );
    // Their role changed, or they were removed, since the check above.
    if (!result.ok && result.reason === 'not-allowed') error(403, result.message);
    if (!result.ok) return failWith('plan', result.message, values(parsed.data));
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

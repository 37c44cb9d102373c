import { error } from '@sveltejs/kit';
import { todayUtc } from '#lib/domain/dates.ts';
import { db } from '#lib/server/db/index.ts';
import { findApproval } from '#lib/server/review/index.ts';
import {
  findShareLink,
  presentView,
  presentZoom,
  recordShareView,
  sharedPresent,
  shareItemAnchor
} from '#lib/server/present/index.ts';
import type { PageServerLoad } from './$types';

/**
 * A scenario's present view for someone without an account: the secret in the address is the
 * credential (like the calendar feed), so this sits outside the signed-in area. Read-only; the
 * bars lead to rows of this page's own table, never into the app. The no-referrer, noindex and
 * no-store headers are set for every /share/ response in security-headers.ts, errors included.
 *
 * An expired or revoked link is 410 Gone, an unknown one 404: both say only that the link
 * does not work, nothing about the programme.
 *
 * The page's data is what the picture shows and no more (`sharedPresent`): no database ids,
 * email addresses or fields the page does not draw, because all of it reaches the reader's
 * browser. An integration test reads `__data.json` and the HTML to hold this.
 */
export const load: PageServerLoad = async ({ params, url, getClientAddress }) => {
  const today = todayUtc();
  const link = await findShareLink(db(), params.token, today);
  if (link.kind === 'unknown') error(404, 'This link does not work');
  if (link.kind !== 'active') error(410, 'This link no longer works');
  // A link to an approved baseline shows its frozen copy; if the approval has gone (nothing
  // ties the two in the database), the link no longer works rather than showing the live plan.
  const frozen = link.baselineId
    ? await findApproval(db(), link.programme.id, link.baselineId)
    : undefined;
  if (frozen === null) error(410, 'This link no longer works');
  const present = await presentView(
    db(),
    link.programme,
    link.scenarioId,
    today,
    shareItemAnchor,
    presentZoom(url.searchParams.get('zoom')),
    { frozen }
  );
  // The scenario cascades with its links, so it exists; guard anyway rather than 500.
  if (!present) error(410, 'This link no longer works');
  await recordShareView(db(), link.linkId, link.programme.id, getClientAddress());
  return {
    programmeName: link.programme.name,
    present: sharedPresent(present),
    today,
    fullWidth: true
  };
};

import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { todayUtc } from '#lib/domain/dates.ts';
import { db } from '#lib/server/db/index.ts';
import { presentView, presentZoom } from '#lib/server/present/index.ts';
import { findApproval } from '#lib/server/review/index.ts';
import type { PageServerLoad } from './$types';

const uuid = z.uuid();

/**
 * The leadership view of a scenario (the current one unless ?scenario= names another), and
 * with ?baseline= the plan against an approval: ghost bars and the changes in words. Only
 * here, signed in: a share link shows one plan as it is (live or frozen), not a comparison.
 */
export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  const asked = url.searchParams.get('scenario');
  if (asked && !uuid.safeParse(asked).success) error(404, 'Not found');
  const baselineId = url.searchParams.get('baseline');
  const compareWith = baselineId
    ? uuid.safeParse(baselineId).success
      ? await findApproval(db(), programme.id, baselineId)
      : null
    : undefined;
  if (compareWith === null) error(404, 'Not found');
  const today = todayUtc();
  const base = `/programmes/${programme.slug}/roadmap`;
  const present = await presentView(
    db(),
    programme,
    asked,
    today,
    (id) => `${base}/items/${id}`,
    presentZoom(url.searchParams.get('zoom')),
    { compareWith }
  );
  if (asked && !present) error(404, 'Not found');
  return { present, today, fullWidth: true };
};

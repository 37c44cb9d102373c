import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { todayUtc } from '$lib/domain/dates';
import { db } from '$lib/server/db';
import { presentView, presentZoom } from '$lib/server/present';
import type { PageServerLoad } from './$types';

const uuid = z.uuid();

/** The leadership view of a scenario (the current one unless ?scenario= names another). */
export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  const asked = url.searchParams.get('scenario');
  if (asked && !uuid.safeParse(asked).success) error(404, 'Not found');
  const today = todayUtc();
  const base = `/programmes/${programme.slug}/roadmap`;
  const present = await presentView(
    db(),
    programme,
    asked,
    today,
    (id) => `${base}/items/${id}`,
    presentZoom(url.searchParams.get('zoom'))
  );
  if (asked && !present) error(404, 'Not found');
  return { present, today, fullWidth: true };
};

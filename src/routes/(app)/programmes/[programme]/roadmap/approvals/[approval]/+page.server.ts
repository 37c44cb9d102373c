import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { db } from '#lib/server/db/index.ts';
import { findScenario, loadRoadmap } from '#lib/server/roadmap/index.ts';
import {
  compareWithBaseline,
  findApproval,
  loadBaseline,
  type StoredCheckResult
} from '#lib/server/review/index.ts';
import type { PageServerLoad } from './$types';

const uuid = z.uuid();

/** What changed since an approval: the current plan (or a chosen scenario) against it. */
export const load: PageServerLoad = async ({ parent, params, url }) => {
  const { programme } = await parent();
  const approval = uuid.safeParse(params.approval).success
    ? await findApproval(db(), programme.id, params.approval)
    : null;
  if (!approval) error(404, 'Not found');
  const asked = url.searchParams.get('scenario');
  const [baseline, scenario] = await Promise.all([
    loadBaseline(db(), approval),
    findScenario(db(), programme.id, uuid.safeParse(asked).success ? asked : null)
  ]);
  if (asked && !scenario) error(404, 'Not found');
  const roadmap = scenario ? await loadRoadmap(db(), programme, scenario) : null;
  const comparison = compareWithBaseline(baseline, roadmap);
  return {
    approval: {
      id: approval.id,
      approvedBy: approval.approvedBy,
      approvedOn: approval.approvedOn,
      scenarioName: approval.scenarioName,
      verdict: approval.verdict,
      checkResults: approval.checkResults as StoredCheckResult[]
    },
    scenario: scenario && { id: scenario.id, name: scenario.name, isCurrent: scenario.isCurrent },
    sentences: comparison.sentences,
    rows: comparison.rows.filter((r) => r.changes.length > 0),
    unchanged: comparison.rows.filter((r) => r.changes.length === 0).length,
    lastGoLive: comparison.diff.lastGoLive,
    frozenItems: baseline.items.map((i) => ({
      lineageId: i.lineageId,
      title: i.title,
      startDate: i.startDate,
      liveStart: i.liveStart,
      endDate: i.endDate
    }))
  };
};

import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { ROADMAP_VIEW_KEYS } from '#lib/action-url.ts';
import { parseLaneGrouping, type LaneGrouping } from '#lib/charts/timeline-layout.ts';
import { parseZoom } from '#lib/charts/timeline-scale.ts';
import { todayUtc } from '#lib/domain/dates.ts';
import { roleAllowsEdit } from '#lib/roles.ts';
import { laneChange, milestoneSchema, moveSchema, relaneSchema } from '#lib/schemas/roadmap.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import {
  addMilestone,
  changeLane,
  deleteMilestone,
  findScenario,
  listScenarios,
  moveItem,
  cachedRoadmapPage,
  roadmapPageView,
  undoItemChange,
  undoOffer
} from '#lib/server/roadmap/index.ts';
import {
  compareWithBaseline,
  findApproval,
  ghostsFor,
  listApprovals,
  listThreads,
  loadBaseline
} from '#lib/server/review/index.ts';
import type { LoadedRoadmap } from '#lib/server/roadmap/index.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

function pageNumber(value: string | null): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

export const load: PageServerLoad = async ({ parent, url, isDataRequest, request }) => {
  const { programme } = await parent();
  const asked = url.searchParams.get('scenario');
  const [scenario, scenarios] = await Promise.all([
    findScenario(db(), programme.id, uuid.safeParse(asked).success ? asked : null),
    listScenarios(db(), programme.id)
  ]);
  if (asked && !scenario) error(404, 'Not found');
  const zoom = parseZoom(url.searchParams.get('zoom'));
  const lanes = parseLaneGrouping(url.searchParams.get('lanes'));
  const today = todayUtc();
  const allWarnings = url.searchParams.has('print') || url.searchParams.get('warnings') === 'all';
  const undoId = Number(url.searchParams.get('undo'));
  const [cached, undo] = await Promise.all([
    scenario ? cachedRoadmapPage(db(), programme, today, { scenario, grouping: lanes }) : null,
    roleAllowsEdit(programme.role) && Number.isSafeInteger(undoId) && undoId > 0
      ? undoOffer(db(), programme.id, undoId)
      : null
  ]);
  const review = await baselineReview(
    url.searchParams.get('baseline'),
    programme.id,
    cached?.roadmap ?? null,
    lanes
  );
  const print = url.searchParams.has('print');
  const shown =
    cached &&
    roadmapPageView(cached.page, {
      tablePage: pageNumber(url.searchParams.get('tablePage')),
      timelinePage: pageNumber(url.searchParams.get('timelinePage')),
      allWarnings,
      print
    });
  const threads = scenario
    ? await listThreads(db(), programme.id, { kind: 'scenario', id: scenario.id })
    : [];
  return {
    ...review,
    threads,
    scenario: scenario && {
      id: scenario.id,
      name: scenario.name,
      isCurrent: scenario.isCurrent
    },
    scenarios: scenarios.map((s) => ({ id: s.id, name: s.name, isCurrent: s.isCurrent })),
    view: shown?.view ?? null,
    // The first load draws a page of the timeline and the browser then fetches every item (one
    // JSON text, kept per revision), so the page is drawn before they have all come; a
    // navigation in the browser, or a form's answer, carries them at once.
    ...timelineSource(shown?.timeline ?? null, isDataRequest || request.method !== 'GET', {
      href: `/programmes/${programme.slug}/roadmap/timeline.json`,
      scenario: scenario?.id ?? '',
      lanes
    }),
    zoom,
    lanes,
    today,
    undo,
    undone: url.searchParams.has('undone'),
    print,
    allWarnings,
    milestone: url.searchParams.get('milestone'),
    proposed: url.searchParams.has('proposed')
  };
};

function timelineSource(
  json: string | null,
  inline: boolean,
  at: { href: string; scenario: string; lanes: LaneGrouping }
) {
  if (!json) return { timeline: null, timelineHref: null };
  if (inline) return { timeline: json, timelineHref: null };
  const query = new URLSearchParams({ scenario: at.scenario, lanes: at.lanes });
  return { timeline: null, timelineHref: `${at.href}?${query}` };
}

/** The approvals to pick from and, when one is picked, the plan against it. */
async function baselineReview(
  asked: string | null,
  programmeId: string,
  roadmap: LoadedRoadmap | null,
  lanes: LaneGrouping
) {
  const [approvals, approval] = await Promise.all([
    listApprovals(db(), programmeId),
    uuid.safeParse(asked).success ? findApproval(db(), programmeId, asked!) : null
  ]);
  if (asked && !approval) error(404, 'Not found');
  const baseline = approval ? await loadBaseline(db(), approval) : null;
  const comparison = baseline ? compareWithBaseline(baseline, roadmap) : null;
  return {
    approvals: approvals.map((a) => ({
      id: a.id,
      approvedBy: a.approvedBy,
      approvedOn: a.approvedOn,
      scenarioName: a.scenarioName
    })),
    baseline:
      approval && comparison
        ? {
            id: approval.id,
            approvedBy: approval.approvedBy,
            approvedOn: approval.approvedOn,
            sentences: comparison.sentences
          }
        : null,
    ghosts: baseline && comparison ? ghostsFor(baseline, comparison, lanes) : undefined
  };
}

/** Keeps the viewer's scenario, zoom and lanes across a move or an undo. */
function back(url: URL, slug: string, extra: Record<string, string>) {
  const query = new URLSearchParams();
  for (const key of ROADMAP_VIEW_KEYS) {
    const value = url.searchParams.get(key);
    if (value) query.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return `/programmes/${slug}/roadmap?${query}`;
}

export const actions: Actions = {
  /** A drag or an arrow key: the item's whole new schedule and the version it was made from. */
  move: async ({ request, params, locals, url, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(request, moveSchema);
    if (!parsed.ok) return parsed.failure;
    const { itemId, version, ...schedule } = parsed.data;
    const result = await moveItem(
      db(),
      locals.user!,
      programme.id,
      itemId,
      version,
      schedule,
      getClientAddress()
    );
    if (result.ok) redirect(303, back(url, programme.slug, { undo: String(result.eventId) }));
    if (result.kind === 'gone') return failWith('form', 'That item has been deleted', {}, 404);
    if (result.kind === 'invalid') return failWith(result.field, result.message);
    return fail(409, {
      conflict: { itemId, yours: schedule, theirs: result.current },
      errors: {},
      values: {}
    });
  },

  /** A bar dropped in another lane: its service area, new council or status changes. */
  relane: async ({ request, params, locals, url, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(request, relaneSchema);
    if (!parsed.ok) return parsed.failure;
    const { itemId, version } = parsed.data;
    const lane = laneChange(parsed.data);
    if (!lane.ok) return failWith('lane', lane.message);
    const result = await changeLane(
      db(),
      locals.user!,
      programme.id,
      itemId,
      version,
      lane.change,
      getClientAddress()
    );
    if (result.ok) redirect(303, back(url, programme.slug, { undo: String(result.eventId) }));
    if (result.kind === 'gone') return failWith('form', 'That item has been deleted', {}, 404);
    if (result.kind === 'invalid') return failWith('lane', result.message);
    return failWith(
      'form',
      `${result.current.title} has been changed by someone else since you loaded the page: it is shown as it is now`,
      {},
      409
    );
  },

  /** One click puts back the last move or edit, if nobody has changed the item since. */
  undo: async ({ request, params, locals, url, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(
      request,
      z.object({
        eventId: z.coerce.number().int().positive({ error: 'There is no change to undo' })
      })
    );
    if (!parsed.ok) return parsed.failure;
    const result = await undoItemChange(
      db(),
      locals.user!,
      programme.id,
      parsed.data.eventId,
      getClientAddress()
    );
    if (result.ok) redirect(303, back(url, programme.slug, { undone: '1' }));
    return failWith('form', result.message, {}, 409);
  },

  addMilestone: async ({ request, params, locals, url, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(request, milestoneSchema);
    if (!parsed.ok) return parsed.failure;
    const { scenarioId, ...input } = parsed.data;
    const result = await addMilestone(
      db(),
      locals.user!,
      programme.id,
      scenarioId,
      input,
      getClientAddress()
    );
    if (result.ok) redirect(303, back(url, programme.slug, { milestone: 'added' }));
    return failWith('form', result.message, {}, result.status);
  },

  deleteMilestone: async ({ request, params, locals, url, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(
      request,
      z.object({
        milestoneId: z.uuid({ error: 'Choose a milestone' }),
        version: z.coerce.number().int().min(1)
      })
    );
    if (!parsed.ok) return parsed.failure;
    const result = await deleteMilestone(
      db(),
      locals.user!,
      programme.id,
      parsed.data.milestoneId,
      parsed.data.version,
      getClientAddress()
    );
    if (result.ok) redirect(303, back(url, programme.slug, { milestone: 'deleted' }));
    return failWith('form', result.message, {}, result.status);
  }
};

import { withoutEmailAddresses } from '#lib/domain/present/public-text.ts';
import type { WarningNote } from '#lib/domain/roadmap/index.ts';
import type { PresentPicture, PresentView } from './view';

/**
 * The present view as a share link sends it to a reader without an account. Whatever a page's
 * data holds reaches their browser (the inline script and `__data.json`), so this copies, field
 * by field, only what the picture shows, and nothing is spread from the full view: a field added
 * to the present view later stays out of share links until it is added here.
 *
 * Database ids never leave: items, service areas and milestones get ordinals for this response
 * (`i01`, `a1`, `m1`), which the page needs only to place bars in lanes, draw arrows and lead a
 * bar to its row of the table. An item's owner loses any email address in it (see
 * `withoutEmailAddresses`). What is left out: the scenario's id, items' versions, sizes,
 * lineage, councils and contract ids, the quarter counts (the timeline counts them itself), the
 * programme's other settings, per-successor counts and the key dates' kinds.
 */
export type SharedPresent = PresentPicture;

/** Where a bar leads on the share page: its row of the page's own table. */
export function shareItemAnchor(id: string): string {
  return `#item-${id}`;
}

export function sharedPresent(present: PresentView): SharedPresent {
  const { view } = present;
  // In the order the timeline breaks ties (by id), so the picture is the one members see.
  const item = ordinals(
    view.items.map((i) => i.id),
    'i'
  );
  const area = ordinals(
    view.items.flatMap((i) => (i.serviceAreaId ? [i.serviceAreaId] : [])),
    'a'
  );
  const milestone = ordinals(
    view.milestones.map((m) => m.id),
    'm'
  );
  const itemId = (id: string) => item.get(id)!;
  return {
    scenario: { name: present.scenario.name, isCurrent: present.scenario.isCurrent },
    view: {
      items: view.items.map((i) => ({
        id: itemId(i.id),
        title: i.title,
        kind: i.kind,
        status: i.status,
        serviceAreaId: i.serviceAreaId === null ? null : area.get(i.serviceAreaId)!,
        startDate: i.startDate,
        alphaStart: i.alphaStart,
        betaStart: i.betaStart,
        liveStart: i.liveStart,
        endDate: i.endDate,
        owner: withoutEmailAddresses(i.owner),
        href: shareItemAnchor(itemId(i.id)),
        contractEnds: i.contractEnds.map((c) => ({ reference: c.reference, date: c.date }))
      })),
      // Lanes by area: keyed by the area's id, or 'none' for items without one.
      lanes: view.lanes.map((l) => ({ key: area.get(l.key) ?? l.key, label: l.label })),
      dependencies: view.dependencies.flatMap((d) =>
        item.has(d.predecessorId) && item.has(d.successorId)
          ? [{ predecessorId: itemId(d.predecessorId), successorId: itemId(d.successorId) }]
          : []
      ),
      milestones: view.milestones.map((m) => ({
        id: milestone.get(m.id)!,
        name: m.name,
        date: m.date
      })),
      window: { from: view.window.from, to: view.window.to },
      settings: { vestingDate: view.settings.vestingDate, capacity: view.settings.capacity },
      horizonEnd: view.horizonEnd,
      notes: Object.fromEntries(
        Object.entries(view.notes).flatMap(([id, note]) =>
          item.has(id) ? [[itemId(id), noteOf(note)]] : []
        )
      )
    },
    table: {
      page: present.table.page,
      pages: present.table.pages,
      total: present.table.total,
      first: present.table.first,
      rows: present.table.rows.map((r) => ({
        id: itemId(r.id),
        title: r.title,
        kind: r.kind,
        owner: withoutEmailAddresses(r.owner),
        status: r.status,
        serviceAreaName: r.serviceAreaName,
        startDate: r.startDate,
        liveStart: r.liveStart,
        endDate: r.endDate,
        note: r.note ? noteOf(r.note) : null
      }))
    },
    pxPerMonth: present.pxPerMonth,
    readiness: {
      verdict: present.readiness.verdict,
      counts: {
        pass: present.readiness.counts.pass,
        warn: present.readiness.counts.warn,
        fail: present.readiness.counts.fail,
        unknown: present.readiness.counts.unknown
      },
      // The page names successors only when there are several (RoadmapPresent).
      successors:
        present.readiness.successors.length > 1
          ? present.readiness.successors.map((s) => ({ name: s.name, verdict: s.verdict }))
          : []
    },
    approved: present.approved
      ? { approvedBy: present.approved.approvedBy, approvedOn: present.approved.approvedOn }
      : null,
    summary: {
      problems: present.summary.problems,
      warnings: present.summary.warnings,
      byRule: present.summary.byRule.map((r) => ({
        rule: r.rule,
        label: r.label,
        problems: r.problems,
        warnings: r.warnings
      }))
    },
    keyDates: present.keyDates.map((d) => ({ name: d.name, date: d.date }))
  };
}

function noteOf(note: WarningNote): WarningNote {
  return { status: note.status, count: note.count, summaries: [...note.summaries] };
}

/**
 * Each distinct id's stand-in: the prefix and its place in the ids' order, zero-padded so the
 * stand-ins sort as the ids did (`packRows` breaks ties between bars by id).
 */
export function ordinals(ids: readonly string[], prefix: string): Map<string, string> {
  const sorted = [...new Set(ids)].sort((a, b) => a.localeCompare(b));
  const width = String(sorted.length).length;
  return new Map(sorted.map((id, i) => [id, `${prefix}${String(i + 1).padStart(width, '0')}`]));
}

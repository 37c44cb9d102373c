import { layoutRows, type LaneGrouping } from '#lib/charts/timeline-layout.ts';
import { cutPart } from '#lib/charts/timeline-part.ts';
import { timelinePages } from '#lib/charts/timeline-visible.ts';
import {
  planFieldsOf,
  quarterLoads,
  type RoadmapDependency,
  type RoadmapWarning,
  type WarningNote
} from '#lib/domain/roadmap/index.ts';
import { clientView, type ClientRoadmapView, type RoadmapView } from './view';

/**
 * Rows of the roadmap's table on one page; the rest are a page link away. A row with its
 * contract ends and warnings runs to several lines, and the page draws it before it is
 * interactive: 25 keep a first visit quick.
 */
export const TABLE_PAGE_SIZE = 25;
/**
 * Warnings listed below the timeline unless every one is asked for: problems first. Those
 * beyond are on their bars and in their items' rows of the table (see `listedFirst` for those
 * that name no item). A long list is text the first visit lays out before it is interactive.
 */
export const WARNINGS_LISTED = 10;
/** Items named under a listed warning (an over-capacity quarter can name hundreds). */
export const ITEMS_NAMED = 6;

export interface ListedWarning extends Pick<
  RoadmapWarning,
  'id' | 'status' | 'summary' | 'howToFix'
> {
  itemIds: string[];
  /** Items the warning concerns beyond those named. */
  moreItems: number;
}

export function listedWarning(w: RoadmapWarning): ListedWarning {
  return {
    id: w.id,
    status: w.status,
    summary: w.summary,
    howToFix: w.howToFix,
    itemIds: w.itemIds.slice(0, ITEMS_NAMED),
    moreItems: Math.max(0, w.itemIds.length - ITEMS_NAMED)
  };
}

/**
 * The height of the page of the timeline the server draws (about a screenful): without
 * JavaScript the timeline is read a page at a time; with it, the browser draws what is on
 * screen once every item has come.
 */
export const TIMELINE_PAGE_HEIGHT = 720;

/**
 * What the roadmap page needs of a scenario, worked out once per revision of the programme
 * (see `roadmapPageView` for one request's share): the timeline's items in brief, its rows and
 * pages, and every item as one JSON text, serialised once rather than on every request.
 */
export function roadmapPageBase(view: RoadmapView, grouping: LaneGrouping) {
  const { items: viewItems, notes, dependencies, ...rest } = clientView(view);
  const items = viewItems.map(timelineItemOf);
  const rows = layoutRows(items, dependencies, view.lanes, grouping);
  const counts = quarterLoads(items, view.window.from, view.window.to).map((q) => q.itemIds.length);
  const all: TimelineData = { items, dependencies, notes };
  return {
    rest,
    all,
    viewItems,
    warnings: view.warnings,
    /** How many of the warnings are problems (failures): counted once per revision. */
    problems: view.warnings.filter((w) => w.status === 'fail').length,
    rows,
    counts,
    pages: timelinePages(rows, TIMELINE_PAGE_HEIGHT),
    allJson: JSON.stringify(all)
  };
}

export type RoadmapPageBase = ReturnType<typeof roadmapPageBase>;

/**
 * The warnings the page lists: the first (problems come first), and every one that names no
 * item, such as a service area never reached, which no bar or table row would show.
 */
export function listedFirst<W extends Pick<RoadmapWarning, 'itemIds'>>(warnings: W[]): W[] {
  return warnings.filter((w, i) => i < WARNINGS_LISTED || w.itemIds.length === 0);
}

/** An item as the timeline draws it: none of what only the table or the exports show. */
function timelineItemOf(i: ClientRoadmapView['items'][number]) {
  return {
    id: i.id,
    ...planFieldsOf(i),
    version: i.version,
    owner: i.owner,
    contractEnds: i.contractEnds.map((c) => ({ reference: c.reference, date: c.date }))
  };
}

/** Every item of the timeline, with its warnings in brief, and the dependencies. */
export interface TimelineData {
  items: ReturnType<typeof timelineItemOf>[];
  dependencies: RoadmapDependency[];
  notes: Record<string, WarningNote>;
}

/**
 * One request's share: the first warnings, one page of the table, and for the timeline one
 * page of rows (`part`) with just its items and their notes. Every item (`timeline`, a JSON
 * text) comes separately: the browser fetches it once the page is drawn (`timeline.json`), or a
 * navigation's data carries it, so a 5,000-item roadmap draws as fast as a small one. Printing
 * draws every item at once.
 */
export function roadmapPageView(
  base: RoadmapPageBase,
  options: { tablePage: number; timelinePage: number; allWarnings: boolean; print: boolean }
) {
  const { all, warnings } = base;
  const listed = options.allWarnings ? warnings : listedFirst(warnings);
  const named = new Set(listed.flatMap((w) => w.itemIds.slice(0, ITEMS_NAMED)));
  const cut = options.print
    ? null
    : cutPart<TimelineData['items'][number]>(base.rows, base.pages, options.timelinePage);
  const shownIds = cut ? cut.items.map((i) => i.id) : Object.keys(all.notes);
  return {
    view: {
      ...base.rest,
      items: cut ? cut.items : all.items,
      dependencies: cut ? cut.dependencies : all.dependencies,
      notes: Object.fromEntries(
        shownIds.flatMap((id) => (all.notes[id] ? [[id, all.notes[id]]] : []))
      ),
      part: cut ? { ...cut.part, counts: base.counts } : null,
      /** The items the listed warnings name. */
      titles: Object.fromEntries(
        all.items.filter((i) => named.has(i.id)).map((i) => [i.id, i.title])
      ),
      warnings: {
        total: warnings.length,
        problems: base.problems,
        listed: listed.map(listedWarning)
      },
      // Printed, the table has every row, as the timeline has every lane.
      table: roadmapTable(
        base.viewItems,
        all.notes,
        options.tablePage,
        options.print ? null : TABLE_PAGE_SIZE
      )
    },
    /** Every item as JSON (`TimelineData`), when the page has only a part. */
    timeline: cut ? base.allJson : null
  };
}

type TableItem = ClientRoadmapView['items'][number];

/** The items as the roadmap's table lists them: by start, a page at a time (all on one page when `pageSize` is null). */
export function roadmapTable(
  items: TableItem[],
  notes: Record<string, WarningNote>,
  asked: number,
  pageSize: number | null
) {
  // By start (ISO dates compare as text), then title: the table's order.
  const sorted = [...items].sort((a, b) =>
    a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.title.localeCompare(b.title)
  );
  const size = pageSize ?? Math.max(1, sorted.length);
  const pages = Math.max(1, Math.ceil(sorted.length / size));
  const page = Math.min(Math.max(1, asked), pages);
  return {
    page,
    pages,
    total: sorted.length,
    first: (page - 1) * size + 1,
    rows: sorted.slice((page - 1) * size, page * size).map((i) => ({
      id: i.id,
      title: i.title,
      kind: i.kind,
      owner: i.owner,
      status: i.status,
      serviceAreaName: i.serviceAreaName,
      startDate: i.startDate,
      liveStart: i.liveStart,
      endDate: i.endDate,
      note: notes[i.id] ?? null
    }))
  };
}

export type RoadmapTablePage = ReturnType<typeof roadmapTable>;

export type RoadmapPageView = ReturnType<typeof roadmapPageView>['view'];

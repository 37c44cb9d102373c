import type { RoadmapWarning, WarningNote } from '$lib/domain/roadmap';
import { clientView, type ClientRoadmapView, type RoadmapView } from './view';

/** Rows of the roadmap's table on one page; the rest are a page link away. */
export const TABLE_PAGE_SIZE = 100;
/** Warnings listed above the timeline unless every one is asked for. */
export const WARNINGS_LISTED = 20;
/** Items named under a listed warning (an over-capacity quarter can name hundreds). */
export const ITEMS_NAMED = 12;

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
 * The roadmap page's share of the view: what the timeline draws (every item, with its warning
 * note, without what only the table shows), the first warnings, and one page of the table.
 * The page must stay small at 5,000 items: the browser parses it before drawing anything.
 */
export function roadmapPageView(
  view: RoadmapView,
  options: { tablePage: number; allWarnings: boolean }
) {
  const { items, notes, ...rest } = clientView(view);
  const listed = options.allWarnings ? view.warnings : view.warnings.slice(0, WARNINGS_LISTED);
  return {
    ...rest,
    notes,
    items: items.map((i) => ({
      id: i.id,
      title: i.title,
      kind: i.kind,
      status: i.status,
      serviceAreaId: i.serviceAreaId,
      councilId: i.councilId,
      startDate: i.startDate,
      alphaStart: i.alphaStart,
      betaStart: i.betaStart,
      liveStart: i.liveStart,
      endDate: i.endDate,
      version: i.version,
      owner: i.owner,
      contractEnds: i.contractEnds.map((c) => ({ reference: c.reference, date: c.date }))
    })),
    warnings: { total: view.warnings.length, listed: listed.map(listedWarning) },
    table: roadmapTable(items, notes, options.tablePage, TABLE_PAGE_SIZE)
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
  const sorted = [...items].sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title)
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

export type RoadmapPageView = ReturnType<typeof roadmapPageView>;

import { Resvg } from '@resvg/resvg-js';
import { render } from 'svelte/server';
import StaticTimeline from '#lib/charts/StaticTimeline.svelte';
import { drawingByArea } from '#lib/charts/timeline-props.ts';
import { formatLongDate, type IsoDate } from '#lib/domain/dates.ts';
import { roadmapItemsTable, type RoadmapExportRow } from '#lib/domain/export/index.ts';
import { warningNotes } from '#lib/domain/roadmap/index.ts';
import { withoutControlCharacters } from '#lib/domain/text.ts';
import type { RoadmapView } from '../roadmap';

/**
 * The roadmap timeline as files: a standalone SVG document rendered on the server by the same
 * Svelte component the present page prints (so the layout maths is the browser's), a PNG
 * rasterised from that SVG with resvg (Rust, prebuilt for Node; no browser needed), and the
 * items as CSV or Excel through the shared exporter.
 */
export const TIMELINE_FORMATS = ['svg', 'png'] as const;
export type TimelineFormat = (typeof TIMELINE_FORMATS)[number];

export function timelineFormat(params: URLSearchParams): TimelineFormat {
  return params.get('format') === 'png' ? 'png' : 'svg';
}

export interface TimelineDocument {
  programmeName: string;
  scenarioName: string;
  view: RoadmapView;
  pxPerMonth: number;
  today: IsoDate;
}

export function timelineSvg(doc: TimelineDocument): string {
  const { view } = doc;
  const { body } = render(StaticTimeline, {
    props: {
      title: `${doc.programmeName}: roadmap`,
      subtitle: `Scenario ${doc.scenarioName}. As of ${formatLongDate(doc.today)}; vesting day ${formatLongDate(view.settings.vestingDate)}.`,
      ...drawingByArea(view, {
        pxPerMonth: doc.pxPerMonth,
        today: doc.today,
        warnings: warningNotes(Object.entries(view.warningsByItem))
      }),
      standalone: true
    }
  });
  // Svelte's hydration markers are XML comments: harmless, but not worth shipping. Svelte
  // escapes markup but not control characters, which XML forbids even as references: one in a
  // title stored before the text rules made the whole document invalid (and resvg refuse it).
  // The markup itself has none, so removing them from the document touches only the text.
  const svg = withoutControlCharacters(body.replace(/<!--[^]*?-->/g, ''));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}

/** Twice the SVG's size, so the PNG stays sharp on a slide or a printed page. */
export function timelinePng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff'
  });
  return resvg.render().asPng();
}

export function roadmapExportRows(view: RoadmapView): RoadmapExportRow[] {
  return view.items.map((item) => ({
    ...item,
    contractReferences: item.contractEnds.map((c) => c.reference),
    warnings: (view.warningsByItem[item.id] ?? []).map((w) => w.summary)
  }));
}

export function roadmapItemsExport(scenarioName: string, view: RoadmapView) {
  return roadmapItemsTable(scenarioName, roadmapExportRows(view));
}

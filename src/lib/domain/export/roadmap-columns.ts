/**
 * The roadmap items export: one row per item of a scenario, with its phase dates and the
 * rules' findings about it, in the words the roadmap page uses.
 */
import {
  KIND_LABELS,
  SIZE_LABELS,
  STATUS_LABELS,
  type RoadmapItemKind,
  type RoadmapSize,
  type RoadmapStatus,
  type Schedule
} from '../roadmap';
import { column, type ExportTable } from './table';

export interface RoadmapExportRow extends Schedule {
  title: string;
  kind: RoadmapItemKind;
  status: RoadmapStatus;
  size: RoadmapSize;
  owner: string | null;
  serviceAreaName: string | null;
  councilName: string | null;
  /** References of the linked contracts that have an end date. */
  contractReferences: string[];
  /** The rules' one-line findings about this item. */
  warnings: string[];
}

export function roadmapItemsTable(
  scenarioName: string,
  rows: readonly RoadmapExportRow[]
): ExportTable<RoadmapExportRow> {
  return {
    // An Excel sheet name may not hold []:*?/\ and is 31 characters at most.
    sheet: `Roadmap ${scenarioName}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31),
    rows,
    columns: [
      column.text<RoadmapExportRow>('Item', (r) => r.title, 40),
      column.text<RoadmapExportRow>('Kind', (r) => KIND_LABELS[r.kind], 18),
      column.text<RoadmapExportRow>('Service area', (r) => r.serviceAreaName, 28),
      column.text<RoadmapExportRow>('New council', (r) => r.councilName, 28),
      column.text<RoadmapExportRow>('Status', (r) => STATUS_LABELS[r.status], 14),
      column.text<RoadmapExportRow>('Size', (r) => SIZE_LABELS[r.size], 12),
      column.text<RoadmapExportRow>('Owner', (r) => r.owner, 24),
      column.date<RoadmapExportRow>('Discovery starts', (r) => r.startDate),
      column.date<RoadmapExportRow>('Alpha starts', (r) => r.alphaStart),
      column.date<RoadmapExportRow>('Beta starts', (r) => r.betaStart),
      column.date<RoadmapExportRow>('Goes live', (r) => r.liveStart),
      column.date<RoadmapExportRow>('Handed over', (r) => r.endDate),
      column.text<RoadmapExportRow>('Linked contracts', (r) => r.contractReferences.join('; '), 24),
      column.integer<RoadmapExportRow>('Warnings', (r) => r.warnings.length),
      column.text<RoadmapExportRow>('Warning details', (r) => r.warnings.join(' | '), 60)
    ]
  };
}

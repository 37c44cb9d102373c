/** The systems export: one row per system, as a council's application list would have it. */
import {
  HOSTING_LABELS,
  TIME_LABELS,
  type Hosting,
  type TimeDisposition
} from '#lib/schemas/system.ts';
import { column, type ExportColumn } from './table';

export interface SystemExportRow {
  councilName: string;
  name: string;
  product: string | null;
  vendor: string | null;
  serviceAreaName: string | null;
  hosting: Hosting | null;
  users: number | null;
  annualCostPence: number | null;
  lifecycle: string | null;
  timeDisposition: TimeDisposition | null;
  dayOneCritical: boolean;
  /** References of the contracts that cover the system, in reference order. */
  contractReferences: string[];
}

export const SYSTEM_COLUMNS: readonly ExportColumn<SystemExportRow>[] = [
  column.text('Council', (s) => s.councilName, 28),
  column.text('Name', (s) => s.name, 30),
  column.text('Product', (s) => s.product, 24),
  column.text('Vendor', (s) => s.vendor, 24),
  column.text('Service area', (s) => s.serviceAreaName, 24),
  column.text('Hosting', (s) => (s.hosting ? HOSTING_LABELS[s.hosting] : null), 16),
  column.integer('Users', (s) => s.users),
  column.money('Annual cost (£)', (s) => s.annualCostPence),
  column.text('Lifecycle', (s) => s.lifecycle, 16),
  column.text(
    'TIME disposition',
    (s) => (s.timeDisposition ? TIME_LABELS[s.timeDisposition] : null),
    14
  ),
  column.yesNo('Critical on day one', (s) => s.dayOneCritical),
  column.text(
    'Contracts',
    (s) => (s.contractReferences.length ? s.contractReferences.join('; ') : null),
    24
  )
];

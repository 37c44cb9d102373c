/** Exports: generic tables (CSV, Excel) and the column lists of each kind of record. */
export { csvField, neutraliseFormula, penceAsPounds, startsLikeFormula } from './cells';
export { csvCellText, tableToCsv, UTF8_BOM } from './csv';
export { DATE_FORMAT, MONEY_FORMAT, sheetCell, tableToSheet, type SheetCell } from './sheet';
export { column, type ColumnKind, type ExportColumn, type ExportTable } from './table';
export { CONTRACT_COLUMNS, type ContractExportRow } from './contract-columns';
export { SYSTEM_COLUMNS, type SystemExportRow } from './system-columns';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_BYTES,
  backupProblems,
  buildBackup,
  compareValues,
  serialiseBackup,
  type Backup,
  type BackupContract,
  type BackupSystem,
  type ProgrammeSnapshot
} from './backup';
export { roadmapItemsTable, type RoadmapExportRow } from './roadmap-columns';
